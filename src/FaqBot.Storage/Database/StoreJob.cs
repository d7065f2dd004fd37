namespace FaqBot.Storage.Database;

/// <summary>Jobs that every host runs on a timer but that should run on one host at a time
/// (<see cref="IStoreDatabase.TryLockAsync"/>); the values are the PostgreSQL advisory lock keys.</summary>
public enum StoreJob : long
{
    /// <summary>Deleting transcripts past <c>Transcripts:RetentionDays</c>.</summary>
    TranscriptRetention = 0x4641_5142_4F54_0001,

    /// <summary>Deleting idle Direct Line conversations.</summary>
    DirectLineSweep = 0x4641_5142_4F54_0002,
}
