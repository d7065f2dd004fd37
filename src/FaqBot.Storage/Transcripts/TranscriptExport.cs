using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FaqBot.Storage.Transcripts;

/// <summary>Exports for reviewers: one conversation as a Bot Framework Emulator <c>.transcript</c>
/// file and a conversation list as CSV.</summary>
public static class TranscriptExport
{
    public const string TranscriptContentType = "application/json";

    public const string CsvContentType = "text/csv";

    private const int PageSize = 500;

    private static readonly string[] CsvHeader =
    [
        "id", "channel", "started", "last activity", "turns", "answered", "clarified", "unanswered", "declined",
        "low confidence", "negative feedback", "reviewed", "tags",
    ];

    /// <summary>Writes the conversation's activities, in order, as the JSON array the Emulator opens.
    /// Each activity is its stored JSON, unchanged.</summary>
    /// <exception cref="InvalidDataException">A stored activity is not a JSON object.</exception>
    public static async Task WriteTranscriptAsync(ConversationDetail conversation, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartArray();
        for (var i = 0; i < conversation.Activities.Count; i++)
        {
            using var activity = JsonDocument.Parse(conversation.Activities[i].Json);
            if (activity.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"Activity {i} of conversation {conversation.Id} is not a JSON object.");
            }

            activity.RootElement.WriteTo(writer);
            if (writer.BytesPending > 16 * 1024)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Writes the rows as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted
    /// when they hold a comma, quote or line break), with a header. Times are ISO-8601 UTC.</summary>
    public static async Task WriteCsvAsync(IEnumerable<ConversationRow> rows, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        await WriteCsvLineAsync(output, CsvHeader, cancellationToken);
        foreach (var row in rows)
        {
            await WriteCsvLineAsync(output, CsvFields(row), cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
    }

    /// <summary>Writes every conversation matching <paramref name="filter"/> (its Skip and Take
    /// aside) as CSV, reading the store a page at a time. A conversation that moves while the
    /// export runs is written once.</summary>
    public static async Task WriteCsvAsync(ITranscriptStore store, ConversationFilter filter, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        await WriteCsvLineAsync(output, CsvHeader, cancellationToken);
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await store.ListAsync(filter with { Skip = skip, Take = PageSize }, cancellationToken);
            foreach (var row in page.Items.Where(r => written.Add(r.Id)))
            {
                await WriteCsvLineAsync(output, CsvFields(row), cancellationToken);
            }

            if (page.Items.Count < PageSize)
            {
                break;
            }
        }

        await output.FlushAsync(cancellationToken);
    }

    /// <summary>One CSV field: a value a spreadsheet would read as a formula (starting with =, +,
    /// -, @, tab or carriage return) gets a leading apostrophe, then the field is quoted when needed.</summary>
    public static string CsvField(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string[] CsvFields(ConversationRow row) =>
    [
        row.Id, row.Channel, Iso(row.StartedAt), Iso(row.LastAt), Number(row.Turns), Number(row.Answered), Number(row.Clarified),
        Number(row.Unanswered), Number(row.Declined), Number(row.LowConfidence), Number(row.NegativeFeedback),
        row.Reviewed ? "yes" : "no", string.Join(' ', row.Tags),
    ];

    private static async Task WriteCsvLineAsync(TextWriter output, string[] fields, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            line.Append(i == 0 ? "" : ",").Append(CsvField(fields[i]));
        }

        line.Append("\r\n");
        await output.WriteAsync(line, cancellationToken);
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
