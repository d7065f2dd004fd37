using System.Threading.Channels;
using FaqBot.Storage.Handoffs;
using System.Data.Common;
using FaqBot.Storage.Database;
using Microsoft.Extensions.Logging;

namespace FaqBot.Storage.Transcripts;

/// <summary>The transcript store, on either database (<see cref="IStoreDatabase"/>). Turns are written by one writer that commits whatever
/// has queued up in one transaction (group commit): a caller's <see cref="AppendAsync"/>
/// completes only after its turn is committed, so an acknowledged turn is never lost, and 50
/// busy conversations cost one commit per batch rather than one each. Patient text is written
/// through <see cref="StoredText"/> (encrypted at rest by default) and read back through it.</summary>
public sealed partial class TranscriptStore : ITranscriptStore, IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly IStoreDatabase _database;
    private readonly StoredText _text;
    private readonly CallbackContacts _contacts;
    private readonly TimeProvider _time;
    private readonly ILogger<TranscriptStore> _log;
    private readonly Channel<PendingTurn> _queue = Channel.CreateUnbounded<PendingTurn>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public TranscriptStore(IStoreDatabase database, StoredText text, CallbackContacts contacts, TimeProvider time, ILogger<TranscriptStore> log)
    {
        _database = database;
        _text = text;
        _contacts = contacts;
        _time = time;
        _log = log;
        _database.EnsureMigrated();
        _writer = Task.Run(WriteLoopAsync);
    }

    public Task AppendAsync(TurnRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        // Encrypted on the caller's thread, so the one writer's transactions stay short.
        var pending = new PendingTurn(Protected(record));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(TranscriptStore), "The transcript store is shutting down.");
        }

        // Waiting may be cancelled; the write itself is not (it is already queued).
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    public async Task<bool> RecordFeedbackAsync(string conversationId, string inboundActivityId, Feedback feedback, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, """
            UPDATE turns SET feedback = @feedback, feedback_at = @at
            WHERE conversation_id = @conversation AND inbound_activity_id = @inbound;
            """, ("@feedback", feedback == Feedback.Helpful ? "helpful" : "unhelpful"), ("@at", at.ToUnixTimeMilliseconds()),
            ("@conversation", conversationId), ("@inbound", inboundActivityId));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await _database.TryLockAsync(transaction, StoreJob.TranscriptRetention, cancellationToken))
        {
            return 0; // another host is purging now
        }

        await using var command = Sql.Command(connection, transaction, "DELETE FROM conversations WHERE last_at < @cutoff;", ("@cutoff", cutoff.ToUnixTimeMilliseconds()));
        var purged = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    public async Task<bool> DeleteConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, "DELETE FROM conversations WHERE id = @id;", ("@id", conversationId));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<long> CountActivitiesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, "SELECT count(*) FROM activities;");
        return await command.ScalarInt64Async(cancellationToken);
    }

    /// <summary>The record with its patient text as it is stored: each activity's JSON, the question,
    /// the trace and the handoff message (see <see cref="ProtectedColumns"/>).</summary>
    private TurnRecord Protected(TurnRecord record) => record with
    {
        Activities = [.. record.Activities.Select(a => a with { Json = _text.Protect(a.Json) })],
        Turn = record.Turn is { } turn ? turn with { Question = _text.Protect(turn.Question), TraceJson = _text.Protect(turn.TraceJson) } : null,
        Handoff = record.Handoff is { } handoff ? handoff with { Message = _text.Protect(handoff.Message) } : null,
        Callback = record.Callback is { } callback ? callback with { SealedContact = _contacts.Seal(callback.Contact) } : null,
    };

    /// <summary>Commits what is still queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingTurn>(MaxBatch);
        DbConnection? connection = null;
        TurnWriter? writer = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                try
                {
                    connection ??= await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
                    writer ??= new TurnWriter(connection);
                    await CommitAsync(connection, writer, batch).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    // Whatever failed, the waiting turns are told, and the writer goes on with a fresh connection.
                    LogBatchFailed(_log, ex, batch.Count);
                    writer?.Dispose();
                    if (connection is not null)
                    {
                        await connection.DisposeAsync().ConfigureAwait(false);
                    }

                    (writer, connection) = (null, null);
                    foreach (var pending in batch)
                    {
                        pending.Committed.TrySetException(ex);
                    }
                }

                batch.Clear();
            }
        }
        finally
        {
            writer?.Dispose();
            connection?.Dispose();
        }
    }

    /// <summary>One transaction for the batch; when it fails, each turn is retried on its own so
    /// that one bad record does not take the others with it.</summary>
    private async Task CommitAsync(DbConnection connection, TurnWriter writer, List<PendingTurn> batch)
    {
        try
        {
            await using (var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false))
            {
                foreach (var pending in batch)
                {
                    await writer.WriteAsync(pending.Record, transaction).ConfigureAwait(false);
                }

                await transaction.CommitAsync().ConfigureAwait(false);
            }

            foreach (var pending in batch)
            {
                pending.Committed.TrySetResult();
            }
        }
        catch (DbException) when (batch.Count > 1)
        {
            foreach (var pending in batch)
            {
                try
                {
                    await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
                    await writer.WriteAsync(pending.Record, transaction).ConfigureAwait(false);
                    await transaction.CommitAsync().ConfigureAwait(false);
                    pending.Committed.TrySetResult();
                }
                catch (DbException ex)
                {
                    LogTurnFailed(_log, ex, pending.Record.ConversationId);
                    pending.Committed.TrySetException(ex);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} turns to the transcript store failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception error, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn of conversation {ConversationId} could not be stored")]
    private static partial void LogTurnFailed(ILogger logger, Exception error, string conversationId);

    private sealed class PendingTurn(TurnRecord record)
    {
        public TurnRecord Record { get; } = record;

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
