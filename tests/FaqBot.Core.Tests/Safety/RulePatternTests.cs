using System.Text.RegularExpressions;
using FaqBot.Core.Safety;

namespace FaqBot.Core.Tests.Safety;

public sealed class RulePatternTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Lists = new()
    {
        ["benzo"] = ["xanax", "ativan"],
        ["self"] = ["myself", "my self"],
    };

    [Theory]
    [InlineData("kill {self}", "i want to kill myself ", true)]
    [InlineData("kill {self}", "i want to kill my self ", true)]
    [InlineData("kill {self}", "this paperwork is killing me ", false)]
    [InlineData("suicid*", "feeling suicidal ", true)]
    [InlineData("suicid*", "nonsuicidal ", false)]
    [InlineData("(end|take) my [own] life", "i want to take my own life ", true)]
    [InlineData("(end|take) my [own] life", "i want to end my life ", true)]
    [InlineData("took ... {benzo}", "i took a few of my xanax ", true)]
    [InlineData("took ... {benzo}", "i took the bus and then a lot of ativans ", false)]
    [InlineData("{benzo} ok", "is ativans ok ", true)]
    [InlineData("<number> mg", "is 0.5 mg ok ", true)]
    [InlineData("<number> mg", "how many mg ", false)]
    [InlineData("not wake up", "sleep and not wake up ", true)]
    public void Patterns_match_whole_words_in_order(string pattern, string text, bool expected)
    {
        var regex = new Regex(RulePattern.ToRegex(pattern, Lists));

        Assert.Equal(expected, regex.IsMatch(text));
    }

    [Theory]
    [InlineData("(kill {self}", "expected ')'")]
    [InlineData("kill {nolist}", "unknown or empty list '{nolist}'")]
    [InlineData("kill ()", "empty pattern or group")]
    [InlineData("kill & myself", "unexpected '&'")]
    [InlineData("kill myself)", "unexpected ')'")]
    public void Malformed_patterns_are_rejected_with_a_reason(string pattern, string reason)
    {
        var error = Assert.Throws<FormatException>(() => RulePattern.ToRegex(pattern, Lists));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_risk_vocabulary_includes_list_entries_and_completions_of_prefixes()
    {
        var words = RulePattern.Words("suicid* or {benzo}", Lists).ToList();

        Assert.Contains("suicidal", words);
        Assert.Contains("suicide", words);
        Assert.Contains("xanax", words);
        Assert.DoesNotContain("suicid", words);
    }
}
