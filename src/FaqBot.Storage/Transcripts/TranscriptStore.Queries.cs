using FaqBot.Core.Answering;
using FaqBot.Storage.Handoffs;
using System.Data.Common;
using System.Text.Json.Nodes;
using FaqBot.Storage.Database;

namespace FaqBot.Storage.Transcripts;

/// <summary>The reviewer and staff side of the store: the conversation list and its counts, one
/// conversation, review marks, the handoff queue and the unanswered questions. Every value is a
/// parameter; the SQL text is fixed. Patient text is read through <see cref="StoredText"/>.</summary>
/// <remarks>
/// Date range: a conversation is in [From, To) when it overlaps it (last activity at or after
/// From, started before To); either bound may be open. Outcome, low confidence and negative
/// feedback match when any turn of such a conversation does (EXISTS over all its turns).
/// </remarks>
public sealed partial class TranscriptStore
{
    /// <summary>The most rows one page may ask for.</summary>
    public const int MaxPageSize = 1000;

    public const int MaxNoteLength = 4000;

    public const int MaxTagLength = 32;

    // A parameter that may be null is cast where it is first read, so PostgreSQL knows its type.
    private const string InRange = "(CAST(@from AS BIGINT) IS NULL OR c.last_at >= @from) AND (CAST(@to AS BIGINT) IS NULL OR c.started_at < @to)";

    private const string MatchesFilter = $"""
        (CAST(@outcome AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = c.id AND t.outcome = @outcome
                                     AND (CAST(@category AS TEXT) IS NULL OR t.category = @category)))
        AND (@low = 0 OR EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = c.id AND t.low_confidence = 1))
        AND (@negative = 0 OR EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = c.id AND t.feedback = 'unhelpful'))
        AND (CAST(@reviewed AS BIGINT) IS NULL OR (CASE WHEN c.reviewed_at IS NOT NULL THEN 1 ELSE 0 END) = @reviewed)
        """;

    private const string PageSql = $"""
        WITH page AS (
            SELECT c.id, c.channel, c.started_at, c.last_at, c.reviewed_at, c.tags
            FROM conversations c
            WHERE {InRange} AND {MatchesFilter}
            ORDER BY c.last_at DESC, c.id DESC
            LIMIT @take OFFSET @skip)
        SELECT p.id, p.channel, p.started_at, p.last_at, CASE WHEN p.reviewed_at IS NOT NULL THEN 1 ELSE 0 END, p.tags,
               count(t.id),
               coalesce(sum(CASE WHEN t.outcome = 'answer' THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN t.outcome = 'clarify' THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN t.outcome = 'no-answer' THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN t.outcome = 'decline' THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN t.low_confidence = 1 THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN t.feedback = 'unhelpful' THEN 1 ELSE 0 END), 0)
        FROM page p LEFT JOIN turns t ON t.conversation_id = p.id
        GROUP BY p.id, p.channel, p.started_at, p.last_at, p.reviewed_at, p.tags
        ORDER BY p.last_at DESC, p.id DESC;
        """;

    private const string CountsSql = $"""
        SELECT count(*),
               coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = c.id AND t.outcome = 'answer') THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = c.id AND t.outcome = 'clarify') THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = c.id AND t.outcome = 'no-answer') THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = c.id AND t.outcome = 'decline') THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = c.id AND t.outcome = 'decline' AND t.category = 'urgent') THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = c.id AND t.outcome = 'decline' AND t.category = 'dosing') THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = c.id AND t.outcome = 'decline' AND t.category = 'diagnostic') THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = c.id AND t.low_confidence = 1) THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = c.id AND t.feedback = 'unhelpful') THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN c.reviewed_at IS NOT NULL THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN c.reviewed_at IS NULL THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN {MatchesFilter} THEN 1 ELSE 0 END), 0)
        FROM conversations c
        WHERE {InRange};
        """;

    private const string TurnColumns = """
        id, inbound_activity_id, reply_activity_id, at, question, outcome, category, confidence, low_confidence,
        snippet_id, snippet_version, reply_id, redactions, trace, feedback
        """;

    public async Task<ConversationList> ListAsync(ConversationFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(filter.Skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.Take, MaxPageSize);
        var (outcome, category) = Rows.OutcomeOf(filter.Outcome);

        await using var connection = await _database.OpenAsync(cancellationToken);
        // One read transaction: the page and the counts see the same snapshot (WAL).
        await using var transaction = _database.BeginRead(connection);

        var items = new List<ConversationRow>();
        await using (var page = Sql.Command(connection, transaction, PageSql))
        {
            Rows.BindFilter(page, filter, outcome, category);
            page.Bind("@take", filter.Take);
            page.Bind("@skip", filter.Skip);
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new ConversationRow(
                    reader.GetString(0), reader.GetString(1), Rows.Time(reader.GetInt64(2)), Rows.Time(reader.GetInt64(3)),
                    Turns: reader.IntValue(6), Answered: reader.IntValue(7), Clarified: reader.IntValue(8), Unanswered: reader.IntValue(9),
                    Declined: reader.IntValue(10), LowConfidence: reader.IntValue(11), NegativeFeedback: reader.IntValue(12),
                    Reviewed: reader.Flag(4), Tags: Rows.SplitTags(reader.GetString(5))));
            }
        }

        await using var counts = Sql.Command(connection, transaction, CountsSql);
        Rows.BindFilter(counts, filter, outcome, category);
        await using var totals = await counts.ExecuteReaderAsync(cancellationToken);
        await totals.ReadAsync(cancellationToken);
        var n = Enumerable.Range(0, 13).Select(totals.IntValue).ToArray();
        return new ConversationList(items, new ConversationCounts(
            All: n[0], Answered: n[1], Clarified: n[2], Unanswered: n[3], Declined: n[4], DeclinedUrgent: n[5], DeclinedDosing: n[6],
            DeclinedDiagnostic: n[7], LowConfidence: n[8], NegativeFeedback: n[9], Reviewed: n[10], NotReviewed: n[11], Matching: n[12]));
    }

    public async Task<ConversationDetail?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = _database.BeginRead(connection);

        await using var head = Sql.Command(connection, transaction,
            "SELECT channel, started_at, last_at, reviewed_at, reviewed_by, tags, note FROM conversations WHERE id = @id;");
        head.Bind("@id", conversationId);
        string channel, tags, note;
        long started, last;
        long? reviewedAt;
        string? reviewedBy;
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (channel, started, last) = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
            reviewedAt = reader.IsDBNull(3) ? null : reader.GetInt64(3);
            reviewedBy = reader.NullableString(4);
            (tags, note) = (reader.GetString(5), reader.GetString(6));
        }

        var activities = new List<StoredActivity>();
        await using (var command = Sql.Command(connection, transaction,
            "SELECT activity_id, direction, type, at, json FROM activities WHERE conversation_id = @id ORDER BY seq;"))
        {
            command.Bind("@id", conversationId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                activities.Add(Rows.Activity(reader, _text));
            }
        }

        var turns = new List<StoredTurn>();
        await using (var command = Sql.Command(connection, transaction,
            $"SELECT {TurnColumns} FROM turns WHERE conversation_id = @id ORDER BY id;"))
        {
            command.Bind("@id", conversationId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                turns.Add(Rows.Turn(reader, _text));
            }
        }

        return new ConversationDetail(conversationId, channel, Rows.Time(started), Rows.Time(last), reviewedAt is { } r ? Rows.Time(r) : null,
            reviewedBy, Rows.SplitTags(tags), _text.Read(note), activities, turns);
    }

    /// <summary>Marks the conversation reviewed by <paramref name="by"/> at <paramref name="at"/>, or
    /// clears the mark; false when there is no such conversation.</summary>
    public async Task<bool> SetReviewedAsync(string conversationId, bool reviewed, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            UPDATE conversations
            SET reviewed_at = CASE WHEN @reviewed = 1 THEN @at END, reviewed_by = CASE WHEN @reviewed = 1 THEN @by END
            WHERE id = @id;
            """);
        command.Bind("@reviewed", reviewed);
        command.Bind("@at", at.ToUnixTimeMilliseconds());
        command.Bind("@by", by);
        command.Bind("@id", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Replaces the conversation's tags with <see cref="NormalizeTags"/> of
    /// <paramref name="tags"/>; false when there is no such conversation.</summary>
    /// <exception cref="ArgumentException">A tag is not 1–32 characters of a–z, 0–9 and '-'.</exception>
    public async Task<bool> SetTagsAsync(string conversationId, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var normalized = NormalizeTags(tags);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "UPDATE conversations SET tags = @tags WHERE id = @id;");
        command.Bind("@tags", string.Join(',', normalized));
        command.Bind("@id", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Tags trimmed and lower-cased, duplicates dropped, first occurrence order kept.</summary>
    /// <exception cref="ArgumentException">A tag is not 1–32 characters of a–z, 0–9 and '-' once trimmed.</exception>
    public static IReadOnlyList<string> NormalizeTags(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var result = new List<string>(tags.Count);
        foreach (var raw in tags)
        {
            var tag = (raw ?? "").Trim().ToLowerInvariant();
            if (tag.Length is 0 or > MaxTagLength || !tag.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                throw new ArgumentException($"Tag '{raw}' must be 1 to {MaxTagLength} letters, digits or '-'.", nameof(tags));
            }

            if (!result.Contains(tag, StringComparer.Ordinal))
            {
                result.Add(tag);
            }
        }

        return result;
    }

    /// <summary>Replaces the reviewer's note; false when there is no such conversation.</summary>
    /// <exception cref="ArgumentException">The note is longer than <see cref="MaxNoteLength"/> characters.</exception>
    public async Task<bool> SetNoteAsync(string conversationId, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(note);
        if (note.Length > MaxNoteLength)
        {
            throw new ArgumentException($"A note holds at most {MaxNoteLength} characters.", nameof(note));
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "UPDATE conversations SET note = @note WHERE id = @id;");
        command.Bind("@note", _text.Protect(note));
        command.Bind("@id", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private const string HandoffColumns = "id, conversation_id, at, reason, priority, rules, message, status, status_by, status_at, contact_at";

    public async Task<IReadOnlyList<HandoffItemView>> HandoffsAsync(bool includeClosed, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            SELECT {HandoffColumns}
            FROM handoffs
            WHERE @closed = 1 OR status <> 'closed'
            ORDER BY priority DESC, at, id;
            """);
        command.Bind("@closed", includeClosed);
        var items = new List<HandoffItemView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(HandoffItem(reader));
        }

        return items;
    }

    public async Task<HandoffItemView?> HandoffAsync(long handoffId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"SELECT {HandoffColumns} FROM handoffs WHERE id = @id;");
        command.Bind("@id", handoffId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? HandoffItem(reader) : null;
    }

    /// <summary>The contact details given with the item, opened; null when none were given (or
    /// they cannot be opened with this host's keys). Callers check the reader's role and audit the view.</summary>
    public async Task<CallbackContact?> CallbackContactAsync(long handoffId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "SELECT contact FROM handoffs WHERE id = @id AND contact IS NOT NULL;");
        command.Bind("@id", handoffId);
        return await command.ExecuteScalarAsync(cancellationToken) is string sealedContact ? _contacts.TryOpen(sealedContact) : null;
    }

    private HandoffItemView HandoffItem(DbDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), Rows.Time(reader.GetInt64(2)), reader.GetString(3), (HandoffPriority)reader.IntValue(4),
        reader.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries), _text.Read(reader.GetString(6)), Rows.Status(reader.GetString(7)),
        reader.NullableString(8), reader.IsDBNull(9) ? null : Rows.Time(reader.GetInt64(9)), reader.IsDBNull(10) ? null : Rows.Time(reader.GetInt64(10)));

    /// <summary>Sets the item's status and who set it when; false when there is no such item.</summary>
    public async Task<bool> SetHandoffStatusAsync(long handoffId, HandoffStatus status, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            "UPDATE handoffs SET status = @status, status_by = @by, status_at = @at WHERE id = @id;");
        command.Bind("@status", Rows.StatusName(status));
        command.Bind("@by", by);
        command.Bind("@at", at.ToUnixTimeMilliseconds());
        command.Bind("@id", handoffId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>The questions answered with <c>no-answer</c> in [<paramref name="from"/>,
    /// <paramref name="to"/>), oldest first.</summary>
    public async Task<IReadOnlyList<UnansweredQuestion>> UnansweredAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            SELECT conversation_id, at, question FROM turns
            WHERE outcome = 'no-answer' AND at >= @from AND at < @to
            ORDER BY at, id;
            """);
        command.Bind("@from", from.ToUnixTimeMilliseconds());
        command.Bind("@to", to.ToUnixTimeMilliseconds());
        var questions = new List<UnansweredQuestion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            questions.Add(new UnansweredQuestion(reader.GetString(0), Rows.Time(reader.GetInt64(1)), _text.Read(reader.GetString(2))));
        }

        return questions;
    }
}

/// <summary>Reading and binding helpers of the queries (file-local so the other half of the
/// partial class cannot collide with them).</summary>
file static class Rows
{
    public static void BindFilter(System.Data.Common.DbCommand command, ConversationFilter filter, string? outcome, string? category)
    {
        command.Bind("@from", filter.From is { } from ? from.ToUnixTimeMilliseconds() : DBNull.Value);
        command.Bind("@to", filter.To is { } to ? to.ToUnixTimeMilliseconds() : DBNull.Value);
        command.Bind("@outcome", (object?)outcome ?? DBNull.Value);
        command.Bind("@category", (object?)category ?? DBNull.Value);
        command.Bind("@low", filter.LowConfidenceOnly);
        command.Bind("@negative", filter.NegativeFeedbackOnly);
        command.Bind("@reviewed", filter.Reviewed is { } reviewed ? reviewed : DBNull.Value);
    }

    /// <summary>The stored outcome and safety category a filter value stands for.</summary>
    public static (string? Outcome, string? Category) OutcomeOf(OutcomeFilter filter) => filter switch
    {
        OutcomeFilter.Any => (null, null),
        OutcomeFilter.Answered => ("answer", null),
        OutcomeFilter.Clarified => ("clarify", null),
        OutcomeFilter.Unanswered => ("no-answer", null),
        OutcomeFilter.Declined => ("decline", null),
        OutcomeFilter.DeclinedUrgent => ("decline", "urgent"),
        OutcomeFilter.DeclinedDosing => ("decline", "dosing"),
        OutcomeFilter.DeclinedDiagnostic => ("decline", "diagnostic"),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Unknown outcome filter."),
    };

    public static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    public static IReadOnlyList<string> SplitTags(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static ActivityDirection Direction(string stored) => stored switch
    {
        "in" => ActivityDirection.In,
        "out" => ActivityDirection.Out,
        _ => throw new InvalidDataException($"Unknown activity direction '{stored}'."),
    };

    public static string StatusName(HandoffStatus status) => status switch
    {
        HandoffStatus.New => "new",
        HandoffStatus.Claimed => "claimed",
        HandoffStatus.Contacted => "contacted",
        HandoffStatus.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown handoff status."),
    };

    public static HandoffStatus Status(string stored) => stored switch
    {
        "new" => HandoffStatus.New,
        "claimed" => HandoffStatus.Claimed,
        "contacted" => HandoffStatus.Contacted,
        "closed" => HandoffStatus.Closed,
        _ => throw new InvalidDataException($"Unknown handoff status '{stored}'."),
    };

    /// <summary>An activity row (activity_id, direction, type, at, json). Unreadable JSON becomes a
    /// stand-in activity of the same id and type whose text says so, so pages and exports still
    /// have a JSON object to show.</summary>
    public static StoredActivity Activity(DbDataReader reader, StoredText text)
    {
        var (id, type) = (reader.NullableString(0), reader.GetString(2));
        var json = text.TryRead(reader.GetString(4))
            ?? new JsonObject { ["type"] = type, ["id"] = id, ["text"] = StoredText.Unreadable }.ToJsonString();
        return new StoredActivity(id, Direction(reader.GetString(1)), type, Time(reader.GetInt64(3)), json);
    }

    /// <summary>A turn row (<c>TurnColumns</c>); an unreadable trace becomes one whose decision says so.</summary>
    public static StoredTurn Turn(DbDataReader reader, StoredText text)
    {
        var summary = new TurnSummary(
            InboundActivityId: reader.NullableString(1),
            ReplyActivityId: reader.NullableString(2),
            At: Time(reader.GetInt64(3)),
            Question: text.Read(reader.GetString(4)),
            Outcome: reader.GetString(5),
            Category: reader.NullableString(6),
            Confidence: reader.GetDouble(7),
            LowConfidence: reader.Flag(8),
            SnippetId: reader.NullableString(9),
            SnippetVersion: reader.IsDBNull(10) ? null : reader.IntValue(10),
            ReplyId: reader.NullableString(11),
            Redactions: reader.IntValue(12),
            TraceJson: text.TryRead(reader.GetString(13)) ?? new JsonObject { ["decision"] = StoredText.Unreadable }.ToJsonString());
        Feedback? feedback = reader.NullableString(14) switch
        {
            null => null,
            "helpful" => Feedback.Helpful,
            "unhelpful" => Feedback.Unhelpful,
            var other => throw new InvalidDataException($"Unknown feedback '{other}'."),
        };
        return new StoredTurn(reader.GetInt64(0), summary, feedback);
    }
}
