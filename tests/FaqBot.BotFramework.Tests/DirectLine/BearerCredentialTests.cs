using FaqBot.BotFramework.DirectLine;
using Microsoft.Extensions.Primitives;

namespace FaqBot.BotFramework.Tests.DirectLine;

public sealed class BearerCredentialTests
{
    [Theory]
    [InlineData("Bearer abc~123")]
    [InlineData("bearer abc~123")]
    [InlineData("BEARER   abc~123")]
    [InlineData("  Bearer\tabc~123  ")]
    [InlineData("bEaReR abc~123 ")]
    public void Every_spelling_of_the_bearer_scheme_reads_as_the_same_credential(string header)
    {
        Assert.Equal("abc~123", BearerCredential.Parse(header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer   ")]
    [InlineData("Bearerabc~123")]
    [InlineData("Basic abc~123")]
    [InlineData("Bearer abc ~123")]
    public void Anything_else_is_no_credential(string? header)
    {
        Assert.Null(BearerCredential.Parse(header));
    }

    [Fact]
    public void Two_authorization_headers_are_no_credential()
    {
        Assert.Null(BearerCredential.Parse(new StringValues(["Bearer a", "Bearer b"])));
    }
}
