using FaqBot.BotFramework.DirectLine;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineTokensTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private DirectLineTokens Tokens(string secret = "s3cret-value") =>
        new(Options.Create(new DirectLineOptions { Secret = secret, TokenLifetimeMinutes = 30 }), _time);

    [Fact]
    public void A_token_is_random_and_grants_only_its_conversation_and_user()
    {
        var tokens = Tokens();

        var first = tokens.Issue("c1", "u1");
        var second = tokens.Issue("c1", "u1");
        var grant = tokens.Authorize("Bearer " + first.Token)!;

        Assert.NotEqual(first.Token, second.Token);
        Assert.True(first.Token.Length >= 43);
        Assert.Equal("u1", grant.UserId);
        Assert.True(grant.Allows("c1"));
        Assert.False(grant.Allows("c2"));
        Assert.Equal(1800, first.ExpiresInSeconds);
    }

    [Fact]
    public void A_token_expires_after_its_lifetime()
    {
        var tokens = Tokens();
        var issued = tokens.Issue("c1", "u1");

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(tokens.Authorize("Bearer " + issued.Token));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(tokens.Authorize("Bearer " + issued.Token));
        Assert.Equal(1, tokens.Sweep());
    }

    [Fact]
    public void The_secret_grants_every_conversation_and_an_empty_secret_grants_nothing()
    {
        Assert.True(Tokens().Authorize("Bearer s3cret-value")!.IsSecret);
        Assert.Null(Tokens(secret: "").Authorize("Bearer "));
        Assert.Null(Tokens().Authorize("Bearer s3cret-valuX"));
        Assert.Null(Tokens().Authorize("Basic s3cret-value"));
        Assert.Null(Tokens().Authorize(null));
    }
}
