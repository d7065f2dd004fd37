using System.Buffers;
using System.Text.Json;
using FaqBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;

namespace FaqBot.BotFramework.Http;

/// <summary>Reads a JSON request body of at most a given size. Too large is 413, not JSON or the
/// wrong shape is 400, a body that ends early (the client went away) is 400 too; all come back as
/// problem details, never as an exception.</summary>
public static class JsonBody
{
    /// <summary>The deepest nesting a body may have (the serializer allows 64; an activity is
    /// stored and forwarded inside a few more levels).</summary>
    public const int MaxDepth = 32;

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, int maxBytes, bool optional, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, maxBytes) + 1);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                var read = await request.Body.ReadAsync(memory, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }
            }
        }
        catch (BadHttpRequestException ex)
        {
            // The client went away, or sent less than its Content-Length, while the body was read:
            // a bad request like any other, not a server error.
            return (null, Results.Problem($"The request body could not be read: {ex.Message}", statusCode: ex.StatusCode));
        }

        if (buffer.WrittenCount == 0)
        {
            return optional ? (null, null) : (null, BadRequest("The request body is empty; a JSON object was expected."));
        }

        if (Problem(buffer.WrittenSpan) is { } problem)
        {
            return (null, BadRequest(problem));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.WrittenSpan, ActivityJson.Options);
            return value is null ? (null, BadRequest("The request body is JSON null; a JSON object was expected.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, BadRequest($"The request body is not valid JSON for this call: {ex.Message}"));
        }
    }

    /// <summary>What is wrong with a body's structure, in one pass: an escaped string or property
    /// name that decodes to an unpaired surrogate (such text is kept raw inside <c>channelData</c>,
    /// <c>value</c> or <c>entities</c> and could not be written again), a property named twice in
    /// one object (it could not be read back into a JSON object), or nesting deeper than
    /// <see cref="MaxDepth"/> (what is stored wraps an activity in a few more levels, which must stay
    /// within the serializer's limit). Null when none; a body that is not JSON at all is left to
    /// the deserializer to describe.</summary>
    private static string? Problem(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ActivityJson.Options.MaxDepth });
        var names = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= MaxDepth:
                        return $"The request body is nested deeper than {MaxDepth} levels.";
                    case JsonTokenType.StartObject:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var seen = names.Pop() ?? new HashSet<string>(StringComparer.Ordinal);
                        names.Push(seen);
                        if (!seen.Add(name))
                        {
                            return $"The request body names the property '{Shorten(name)}' twice in one object.";
                        }

                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        _ = reader.GetString();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return "The request body holds a string that is not valid Unicode (an unpaired surrogate escape such as \\ud800).";
        }

        return null;
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "\u2026";

    private static IResult TooLarge(int maxBytes) =>
        Results.Problem($"The request body is larger than {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult BadRequest(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
