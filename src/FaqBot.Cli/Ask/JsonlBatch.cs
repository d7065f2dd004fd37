using System.Text.Encodings.Web;
using System.Text.Json;
using FaqBot.Core.Answering;

namespace FaqBot.Cli.Ask;

/// <summary>
/// The batch contract: each input line is <c>{"id": string, "question": string}</c>, with an optional
/// <c>"conversation"</c> string: lines that share one are turns of one conversation, answered in
/// order with its context (an urgent message earlier, the last question for follow-ups); each output
/// line, in the same order, is <c>{"id", "outcome", "category", "text", "citations": [{"snippetId",
/// "title", "source", "url"}], "confidence"}</c>. Lines are independent: a line that cannot be read
/// yields an <c>invalid</c> line (with its id when the id could be read) and the batch goes on.
/// </summary>
internal static class JsonlBatch
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task RunAsync(TextReader input, TextWriter output, Answerer answerer, CancellationToken cancellationToken)
    {
        var conversations = new Dictionary<string, ConversationContext>(StringComparer.Ordinal);
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            var (id, question, problem, conversation) = Read(line);
            string json;
            if (problem is null)
            {
                var context = conversation is null ? ConversationContext.None : conversations.GetValueOrDefault(conversation, ConversationContext.None);
                var answer = await answerer.AskAsync(question, context, cancellationToken);
                if (conversation is not null && (conversations.ContainsKey(conversation) || conversations.Count < MaxConversations))
                {
                    conversations[conversation] = context.After(answer);
                }

                json = Write(id, answer);
            }
            else
            {
                json = WriteInvalid(id, problem);
            }

            await output.WriteLineAsync(json);
            await output.FlushAsync(cancellationToken);
        }
    }

    /// <summary>The most conversations a batch remembers; turns of later ones are answered without context.</summary>
    public const int MaxConversations = 100_000;

    internal static (string? Id, string? Question, string? Problem, string? Conversation) Read(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return (null, null, $"This line is not valid JSON ({ex.Message}).", null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, "Each line must be a JSON object with \"id\" and \"question\".", null);
            }

            var id = root.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
            if (id is null)
            {
                return (null, null, "The line has no \"id\" string.", null);
            }

            if (root.TryGetProperty("conversation", out var conversationValue) && conversationValue.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return (id, null, "\"conversation\" must be a string.", null);
            }

            var conversation = conversationValue.ValueKind == JsonValueKind.String ? conversationValue.GetString() : null;
            return root.TryGetProperty("question", out var questionValue) && questionValue.ValueKind == JsonValueKind.String
                ? (id, questionValue.GetString(), null, conversation)
                : (id, null, "The line has no \"question\" string.", null);
        }
    }

    internal static string Write(string? id, Answer answer)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("outcome", ContractNames.Outcome(answer.Outcome));
            writer.WriteString("category", ContractNames.Category(answer.Category));
            writer.WriteString("text", answer.Text);
            writer.WriteStartArray("citations");
            foreach (var citation in answer.Citations)
            {
                writer.WriteStartObject();
                writer.WriteString("snippetId", citation.SnippetId);
                writer.WriteString("title", citation.Title);
                writer.WriteString("source", citation.Source);
                writer.WriteString("url", string.IsNullOrEmpty(citation.Url) ? null : citation.Url);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("confidence", Math.Round(answer.Confidence, 4));
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string WriteInvalid(string? id, string problem) =>
        Write(id, new Answer(AnswerOutcome.Invalid, null, problem, [], [], 0,
            new AnswerTrace("invalid: unreadable input line", [], [], null, null, new TraceTimings(0, 0))));
}
