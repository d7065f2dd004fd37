using System.Buffers;
using System.Text.Json;
using FaqBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;

namespace FaqBot.BotFramework.Http;

/// <summary>Reads a JSON request body of at most a given size. Too large is 413, not JSON or the
/// wrong shape is 400; both come back as problem details, never as an exception.</summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, int maxBytes, bool optional, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, maxBytes) + 1);
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

        if (buffer.WrittenCount == 0)
        {
            return optional ? (null, null) : (null, BadRequest("The request body is empty; a JSON object was expected."));
        }

        if (HasInvalidText(buffer.WrittenSpan))
        {
            return (null, BadRequest("The request body holds a string that is not valid Unicode (an unpaired surrogate escape such as \\ud800)."));
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

    /// <summary>True when an escaped string or property name decodes to text with an unpaired
    /// surrogate. Such text is kept raw inside <c>channelData</c>, <c>value</c> or <c>entities</c>
    /// and cannot be written again, so it is refused here, in one pass over the body. A body that
    /// is not JSON at all is left to the deserializer to describe.</summary>
    private static bool HasInvalidText(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ActivityJson.Options.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }

        return false;
    }

    private static IResult TooLarge(int maxBytes) =>
        Results.Problem($"The request body is larger than {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult BadRequest(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
