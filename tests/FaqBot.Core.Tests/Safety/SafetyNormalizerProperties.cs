using FaqBot.Core.Safety;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Safety;

/// <summary>The normaliser on any text: it never throws, and what it returns is what the rules
/// expect (single-spaced lower-case words, clause starts in order at word starts).</summary>
public sealed class SafetyNormalizerProperties
{
    private static readonly SafetyNormalizer Normalizer = new(
        new Dictionary<string, string>
        {
            ["kms"] = "kill myself", ["unalive"] = "kill", ["sewer slide"] = "suicide", ["self-harm"] = "self harm",
            ["💊"] = "pills", ["☠️"] = "die", ["wanna"] = "want to",
        },
        new HashSet<string> { "but", "also", "though" },
        ["suicidal", "suicide", "overdose", "overdosed", "myself", "klonopin", "breathe", "bleeding", "swallowed"]);

    [Property(MaxTest = 200)]
    public Property Never_throws_and_keeps_clause_offsets_consistent() =>
        Prop.ForAll(HostileText.Arbitrary(), message =>
        {
            var normalized = Normalizer.Normalize(message.Text);
            var text = normalized.Text;
            var starts = normalized.ClauseStarts;

            Assert.True(text.Length == 0 || text[^1] == ' ' && text[0] != ' ', "words end with one space each");
            Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
            Assert.Equal(text.ToLowerInvariant(), text);
            Assert.Equal(0, starts[0]);
            for (var i = 1; i < starts.Count; i++)
            {
                Assert.InRange(starts[i], starts[i - 1] + 1, text.Length);
                Assert.Equal(' ', text[starts[i] - 1]);
            }

            Assert.Equal(text, string.Concat(Enumerable.Range(0, starts.Count).Select(normalized.Clause)));
            for (var at = 0; at < text.Length; at += Math.Max(1, text.Length / 16))
            {
                var clause = normalized.ClauseAt(at);
                Assert.InRange(at, starts[clause], clause + 1 < starts.Count ? starts[clause + 1] - 1 : text.Length - 1);
            }
        });
}
