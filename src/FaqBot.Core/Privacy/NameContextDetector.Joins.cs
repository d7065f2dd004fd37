using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Names read around a name already found (a <c>[name]</c> placeholder of an earlier
/// reading) and names of a known shape:
/// <list type="bullet">
/// <item>particles and the surname after a name ("[name] van den Broek", "[name] de Vries", "[name]
/// bint [name]");</item>
/// <item>a surname after a name at the end of a sentence ("[name] Silversmith, i used to");</item>
/// <item>a surname written first, before a comma, at the start of a message ("Okoro, [name] (patient)");</item>
/// <item>a given name set off before a relation ("Mark, my pharmacist, said") or after "call me" ("please call her Sky");</item>
/// <item>an East Asian name with a hyphenated given name, in either order ("Park Jun-ho", "Jun-ho Park", "Chen Mei-ling").</item>
/// </list></summary>
internal static partial class NameContextDetector
{
    private const string NameWord = @"\p{Lu}[\p{L}'’]{1,30}(?:-\p{Lu}[\p{L}'’]{1,30})?";

    private const string Placeholder = @"\[name\]";

    private static readonly Regex AfterName = RedactionPatterns.Create(
        @"(?<=" + Placeholder + @")[ \t]+(?<p>(?:(?:van|von|de|del|della|da|das|dos|di|du|le|la|bin|bint|binti|ibn|ben|bat|al|el|ter|ten|den|der|op|y)[ \t]+){1,3})?"
        + @"(?:(?<n>" + Placeholder + @")|(?<s>" + NameWord + @"))(?![\w\[])(?<end>[ \t]*(?:[,.!;)]|\z))?");

    private static readonly Regex SurnameFirst = RedactionPatterns.Create(
        @"\A[ \t]*(?<s>" + NameWord + @"),[ \t]*" + Placeholder);

    private static readonly Regex BeforeRelation = RedactionPatterns.Create(
        @"(?:\A|(?<=[.!?\n][ \t]{0,3}))(?<s>\p{Lu}\p{Ll}{1,30}),[ \t]+(?:my|our|his|her|their)[ \t]+(?<r>[\p{L}\-]{2,20})\b");

    private static readonly Regex CallBy = RedactionPatterns.Create(
        @"\b(?i:call|calls|calling)[ \t]+(?i:me|her|him|them|us)[ \t]+(?<s>\p{Lu}\p{Ll}{1,30})(?![\w\-\[])");

    private static readonly Regex HyphenatedGiven = RedactionPatterns.Create(
        @"(?<![\w\[\-])(?:(?<a>\p{Lu}\p{Ll}{1,5})[ \t]+)?(?<g>\p{Lu}\p{Ll}{0,4}-\p{Ll}{1,4})(?:[ \t]+(?<b>\p{Lu}\p{Ll}{1,5}))?(?![\w\-])");

    /// <summary>Family names of Korea, China and Taiwan written in Latin letters.</summary>
    private static readonly HashSet<string> EastAsianSurnames = new(StringComparer.Ordinal)
    {
        "Kim", "Lee", "Yi", "Park", "Pak", "Choi", "Choe", "Jung", "Jeong", "Chung", "Kang", "Cho", "Jo", "Yoon", "Yun", "Jang",
        "Chang", "Lim", "Im", "Han", "Oh", "Seo", "Suh", "Shin", "Sin", "Kwon", "Hwang", "Ahn", "An", "Song", "Yoo", "Yu", "Ryu",
        "Hong", "Jeon", "Jun", "Chun", "Ko", "Go", "Moon", "Mun", "Yang", "Son", "Sohn", "Bae", "Baek", "Paik", "Heo", "Huh",
        "Nam", "Shim", "Sim", "Noh", "Roh", "Ha", "Kwak", "Sung", "Seong", "Cha", "Joo", "Ju", "Woo", "Koo", "Gu", "Min", "Na",
        "Jin", "Um", "Eom", "Byun", "Chae", "Won", "Bang", "Gong", "Hyun", "Chen", "Lin", "Wang", "Li", "Zhang", "Liu", "Huang",
        "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lai", "Tsai", "Cheng", "Hsu", "Yeh", "Hsieh", "Tseng", "Kuo",
        "Chiu", "Chou", "Wong", "Leung", "Chan", "Cheung", "Ho", "Ng", "Tang", "Lau", "Tam", "Yip", "Kwok", "Fung", "Mak", "Poon",
    };

    /// <summary>Adds the names read around names already found and the names of a known shape.</summary>
    internal static void FindJoins(string text, List<Detected> found)
    {
        if (text.Contains(RedactionPlaceholders.For(RedactionKind.Name), StringComparison.Ordinal))
        {
            for (var match = AfterName.Match(text); match.Success; match = match.NextMatch())
            {
                var particles = match.Groups["p"];
                if (match.Groups["n"].Success)
                {
                    if (particles.Success)
                    {
                        found.Add(new Detected(particles.Index, particles.Value.TrimEnd().Length, RedactionKind.Name));
                    }

                    continue;
                }

                var surname = match.Groups["s"];
                var evidence = NameLexicon.Evidence(surname.Value);
                var joins = particles.Success
                    ? evidence is not NameEvidence.Stop
                    : evidence is NameEvidence.Unknown or NameEvidence.Proper or NameEvidence.Given
                      || (evidence is NameEvidence.Common && match.Groups["end"].Success);
                if (joins)
                {
                    var start = particles.Success ? particles.Index : surname.Index;
                    found.Add(new Detected(start, surname.Index + surname.Length - start, RedactionKind.Name));
                }
            }

            if (SurnameFirst.Match(text) is { Success: true } first
                && NameLexicon.Evidence(first.Groups["s"].Value) is NameEvidence.Unknown or NameEvidence.Proper)
            {
                var surname = first.Groups["s"];
                found.Add(new Detected(surname.Index, surname.Length, RedactionKind.Name));
            }
        }

        for (var match = BeforeRelation.Match(text); match.Success; match = match.NextMatch())
        {
            var name = match.Groups["s"];
            if (Relations.Contains(match.Groups["r"].Value)
                && NameLexicon.Evidence(name.Value) is NameEvidence.Given or NameEvidence.WordName or NameEvidence.Unknown)
            {
                found.Add(new Detected(name.Index, name.Length, RedactionKind.Name));
            }
        }

        for (var match = CallBy.Match(text); match.Success; match = match.NextMatch())
        {
            var name = match.Groups["s"];
            if (NameLexicon.Evidence(name.Value) is NameEvidence.Given or NameEvidence.WordName or NameEvidence.Unknown)
            {
                found.Add(new Detected(name.Index, name.Length, RedactionKind.Name));
            }
        }

        if (text.Contains('-', StringComparison.Ordinal))
        {
            for (var match = HyphenatedGiven.Match(text); match.Success; match = match.NextMatch())
            {
                var before = match.Groups["a"];
                var after = match.Groups["b"];
                var given = match.Groups["g"].Value;
                var syllables = given.Split('-');
                var surname = before.Success && EastAsianSurnames.Contains(before.Value) ? before
                    : after.Success && EastAsianSurnames.Contains(after.Value) ? after : null;
                if (surname is not null && NameLexicon.Evidence(given) is not NameEvidence.Stop
                    && !syllables.Any(s => NameWords.IsFunction(s)))
                {
                    var start = Math.Min(surname.Index, match.Groups["g"].Index);
                    var end = Math.Max(surname.Index + surname.Length, match.Groups["g"].Index + given.Length);
                    found.Add(new Detected(start, end - start, RedactionKind.Name));
                }
            }
        }
    }
}
