using FaqBot.BotFramework.Http;
using FaqBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FaqBot.BotFramework.Tests.Http;

public sealed class JsonBodyTests
{
    [Fact]
    public async Task A_body_that_ends_before_its_length_is_a_bad_request_not_an_exception()
    {
        var request = new DefaultHttpContext().Request;
        request.ContentLength = 200;
        request.Body = new EndsEarly("{\"type\":\"message\",\"te"u8.ToArray());

        var (value, error) = await JsonBody.ReadAsync<Activity>(request, maxBytes: 1000, optional: false, CancellationToken.None);

        Assert.Null(value);
        var problem = Assert.IsType<ProblemHttpResult>(error);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.Contains("could not be read", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whole_body_is_read()
    {
        var request = new DefaultHttpContext().Request;
        var json = "{\"type\":\"message\",\"text\":\"hello\"}"u8.ToArray();
        request.ContentLength = json.Length;
        request.Body = new MemoryStream(json);

        var (value, error) = await JsonBody.ReadAsync<Activity>(request, maxBytes: 1000, optional: false, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal("hello", value!.Text);
    }

    /// <summary>What Kestrel does when the client closes the connection before sending the whole body.</summary>
    private sealed class EndsEarly(byte[] start) : MemoryStream(start)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new BadHttpRequestException("Unexpected end of request content.", StatusCodes.Status400BadRequest);
        }
    }
}
