using FaqBot.Storage.Transcripts;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Transcripts;

/// <summary>Purges transcripts older than <c>Transcripts:RetentionDays</c>: once at start, then
/// every <c>Transcripts:PurgeIntervalMinutes</c>.</summary>
public sealed partial class TranscriptRetention(
    ITranscriptStore store,
    IOptions<TranscriptOptions> options,
    TimeProvider time,
    ILogger<TranscriptRetention> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(settings.PurgeIntervalMinutes), time);
        do
        {
            try
            {
                var purged = await store.PurgeAsync(time.GetUtcNow().AddDays(-settings.RetentionDays), stoppingToken);
                if (purged > 0)
                {
                    LogPurged(log, purged, settings.RetentionDays);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPurgeFailed(log, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} conversations older than {Days} days")]
    private static partial void LogPurged(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Purging old transcripts failed; will retry at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception error);
}
