using FaqBot.Core.Safety;

namespace FaqBot.Core.Tests.Safety;

public sealed class SafetyNormalizerTests
{
    private static readonly SafetyNormalizer Normalizer = new(
        new Dictionary<string, string> { ["kms"] = "kill myself", ["unalive"] = "kill", ["💊"] = "pills", ["self-harm"] = "self harm" },
        new HashSet<string> { "but", "also" },
        ["suicidal", "suicide", "overdose", "myself", "klonopin"]);

    [Theory]
    [InlineData("I want to KILL MYSELF!!!", "i want to kill myself ")]
    [InlineData("ｓｕｉｃｉｄａｌ", "suicidal ")]
    [InlineData("sui\u200Bcidal", "suicidal ")]
    [InlineData("k1ll mys3lf", "kill myself ")]
    [InlineData("lowkey wanna kms", "lowkey wanna kill myself ")]
    [InlineData("💊💊 took them", "pills pills took them ")]
    [InlineData("self-harm again", "self harm again ")]
    [InlineData("i feel sucidal", "i feel suicidal ")]
    [InlineData("suicdal thoughts", "suicidal thoughts ")]
    [InlineData("i want to dieeeee", "i want to die ")]
    [InlineData("I doubled my klonopinnn", "i doubled my klonopin ")]
    [InlineData("is 100mg a lot", "is 100 mg a lot ")]
    [InlineData("is the dose 0.5 mg/kg", "is the dose 0.5 mg kg ")]
    [InlineData("can’t sleep", "can't sleep ")]
    public void Reads_messages_the_way_the_rules_expect(string message, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(message).Text);

    [Theory]
    [InlineData("that's the last thing", "that's the last thing ")] // not "what's the last thing", one letter away
    [InlineData("that’s all, thanks", "that's all thanks ")]
    [InlineData("when's the last train", "when's the last train ")]
    public void Contractions_of_real_words_are_not_corrected_to_risk_words(string message, string expected) =>
        Assert.Equal(expected, FaqBot.Core.Tests.TestSupport.KnowledgeFolder.Shipped.Safety.Normalize(message).Text);

    [Theory]
    [InlineData("cover")]
    [InlineData("suicide")]
    [InlineData("parking")]
    public void Real_words_are_not_corrected(string word) =>
        Assert.Equal(word + " ", Normalizer.Normalize(word).Text);

    [Fact]
    public void Splits_clauses_at_punctuation_and_clause_words()
    {
        var message = Normalizer.Normalize("I'm not suicidal, just asking. Can my sister drive me home but also I doubled my klonopin");

        Assert.Equal(
            ["i'm not suicidal", "just asking", "can my sister drive me home", "but", "also i doubled my klonopin"],
            Enumerable.Range(0, message.ClauseStarts.Count).Select(i => message.Clause(i).Trim()));
    }
}
