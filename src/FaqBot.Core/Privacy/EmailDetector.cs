using System.Buffers;
using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Addresses written out (<c>jane.doe+clinic@mail.example.com</c>) and spelled out for a
/// well-known mail provider (<c>janedoe at gmail dot com</c>, <c>jane(at)yahoo(dot)com</c>).</summary>
internal static class EmailDetector
{
    private static readonly string[] Providers =
        ["gmail", "googlemail", "yahoo", "hotmail", "outlook", "icloud", "aol", "protonmail", "proton", "comcast", "verizon", "msn"];

    private static readonly SearchValues<string> ProviderNames = SearchValues.Create(Providers, StringComparison.OrdinalIgnoreCase);

    private static readonly Regex Written = RedactionPatterns.Create(
        @"(?<![\w\].%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}(?![\w\-\[]|\.[A-Za-z\[])");

    private static readonly Regex SpelledOut = RedactionPatterns.Create(
        @"(?i)(?<![\w\].+\-])[a-z0-9][a-z0-9._+\-]*[ \t]*(?:\(at\)|\[at\]|\bat\b)[ \t]*(?:" + string.Join('|', Providers)
        + @")[ \t]*(?:\.|\(dot\)|\[dot\]|\bdot\b)[ \t]*(?:com|net)\b");

    public static DetailFinder Finder { get; } = new(RedactionKind.Email, Find, [Written, SpelledOut]);

    public static void Find(string text, List<Detected> found)
    {
        if (text.Contains('@', StringComparison.Ordinal))
        {
            RedactionPatterns.AddAll(Written, text, RedactionKind.Email, found);
        }

        if (text.AsSpan().ContainsAny(ProviderNames))
        {
            RedactionPatterns.AddAll(SpelledOut, text, RedactionKind.Email, found);
        }
    }
}
