using System.Buffers;
using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Addresses written out (<c>jane.doe+clinic@mail.example.com</c>) and spelled out
/// (<c>janedoe at gmail dot com</c>, <c>jane(at)yahoo(dot)com</c>, <c>anjali dot sharma 91 at
/// gmail dot com</c>, <c>priya underscore nair at hotmail dot co dot uk</c>, <c>summerlee_77 at
/// hotmail</c>): a local part whose
/// pieces may be joined by "dot", "underscore" or "dash", "at" in any of its disguises, and a
/// domain that ends in a common top-level domain or is a well-known mail provider.</summary>
internal static class EmailDetector
{
    private static readonly string[] Providers =
        ["gmail", "googlemail", "yahoo", "hotmail", "outlook", "icloud", "aol", "protonmail", "proton", "comcast", "verizon", "msn", "live", "me", "gmx", "mail", "yandex", "qq", "163"];

    private const string TopLevel = "com|net|org|edu|gov|info|biz|io|me|co|uk|ca|au|de|fr|es|it|nl|ie|nz|za|in|jp|br|mx|us|ch|se|no|dk|pl|be|at|pt|ke|ng"
        + "|fi|gr|tr|ru|cn|kr|tw|hk|sg|my|ph|id|th|vn|pk|bd|lk|il|ae|sa|eg|gh|tz|ug|ar|cl|pe|ve|uy|cz|sk|hu|ro|bg|hr|si|rs|ua|lt|lv|ee|is|lu";

    /// <summary>Mail providers whose name alone says the rest ("summerlee_77 at hotmail", "at g mail").</summary>
    private const string MailOnly = @"g[ \t]?mail|googlemail|yahoo|hotmail|outlook|icloud|aol|protonmail|gmx|yandex";

    /// <summary>A word of the address put between brackets of any kind ("(dot)", "[at]", "&lt;at&gt;", "{ dot }").</summary>
    private static string Bracketed(string words) => @"[ \t]*[(\[{<][ \t]?(?:" + words + @")[ \t]?[)\]}>][ \t]*";

    /// <summary>A dot as written (no spaces: ". " ends a sentence) or spelled out, also in Spanish,
    /// Portuguese, German or Turkish ("punto", "ponto", "punkt", "nokta").</summary>
    private static readonly string Dot = @"(?:\.|" + Bracketed("dot|period|punto|ponto|punkt|point") + @"|[ \t]*\b(?:dot|punto|ponto|punkt|nokta|point)\b[ \t]*)";

    /// <summary>Between the words of the local part: "dot", "underscore", "dash" said apart or in
    /// brackets, and the dot in Spanish, Italian, Portuguese, German or French ("lupe punto garza arroba ...").</summary>
    private static readonly string Joiner = @"(?:[ \t]+(?:dot|period|punto|ponto|punkt|point|underscore|under[ \t]score|dash|hyphen)[ \t]+|"
        + Bracketed("dot|period|punto|ponto|punkt|underscore|dash|hyphen") + ")";

    /// <summary>One word of the local part, spelled out or written.</summary>
    private const string LocalWord = @"[a-z0-9][a-z0-9._+\-]*";

    private static readonly string At = @"(?:" + Bracketed("at") + @"|[ \t]*(?:\b(?:at|arroba|arobase|chiocciola)\b|@)[ \t]*)";

    private static readonly SearchValues<string> SpelledHints =
        SearchValues.Create(["dot", "at)", "at]", "at}", "at>", "at )", "at ]", "at }", "at >", " @ ", " at ", "punto", "ponto", "punkt", "point", "arroba", "arobase", "chiocciola"], StringComparison.OrdinalIgnoreCase);

    private static readonly Regex Written = RedactionPatterns.Create(
        @"(?<![\w\].%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}(?![\w\-\[]|\.[A-Za-z\[])");

    /// <summary>Spelled out: a word of the local part can be followed by "dot x", "underscore x", or
    /// a number said apart ("sharma 91 at ..."); at most four joins, so the search stays linear.</summary>
    private static readonly Regex SpelledOut = RedactionPatterns.Create(
        @"(?i)(?<![\w\].+\-])" + LocalWord + @"(?:" + Joiner + LocalWord + @"){0,4}(?:[ \t]+\d{1,4})?"
        + At
        + @"(?:(?:" + string.Join('|', Providers) + @")" + Dot + @"[a-z]{2,3}(?:" + Dot + @"[a-z]{2})?"
        + @"|[a-z0-9\-]+(?:" + Dot + @"[a-z0-9\-]+){0,2}?" + Dot + @"(?:" + TopLevel + @"))(?![\w\[])");

    /// <summary>A mail provider's name alone after the local part ("summerlee_77 at hotmail", "mj
    /// underscore pereira 92 at g mail"), when the local part holds a digit, an underscore or a dot or
    /// is spelled out in pieces ("I work at Yahoo" is no address).</summary>
    private static readonly Regex ProviderOnly = RedactionPatterns.Create(
        @"(?i)(?<![\w\].+\-])(?:(?=[a-z0-9._+\-]*[0-9_.][a-z0-9._+\-]*[ \t(\[{<@])" + LocalWord + @"(?:" + Joiner + LocalWord + @"){0,4}"
        + @"|" + LocalWord + @"(?:" + Joiner + LocalWord + @"){1,4})(?:[ \t]+\d{1,4})?"
        + At + @"(?:" + MailOnly + @")(?![ \t]*(?:\.[a-z]|\b(?:dot|punto|ponto|punkt|point)\b))(?![\w\[])");

    /// <summary>Every part in brackets of its own: "[jane.doe] [at] [gmail] [dot] [com]".</summary>
    private static readonly Regex AllBracketed = RedactionPatterns.Create(
        @"(?i)[(\[{<][ \t]?[a-z0-9][a-z0-9._+\-]*[ \t]?[)\]}>]" + Bracketed("at") + @"[(\[{<][ \t]?[a-z0-9\-]+[ \t]?[)\]}>]"
        + @"(?:" + Bracketed("dot|punto|ponto|punkt") + @"[(\[{<][ \t]?[a-z0-9\-]+[ \t]?[)\]}>]){0,2}"
        + Bracketed("dot|punto|ponto|punkt") + @"[(\[{<][ \t]?(?:" + TopLevel + @")[ \t]?[)\]}>]");

    public static DetailFinder Finder { get; } = new(RedactionKind.Email, Find, [Written, SpelledOut, AllBracketed, ProviderOnly]);

    public static void Find(string text, List<Detected> found)
    {
        if (text.Contains('@', StringComparison.Ordinal))
        {
            RedactionPatterns.AddAll(Written, text, RedactionKind.Email, found);
        }

        if (text.AsSpan().ContainsAny(SpelledHints))
        {
            for (var match = SpelledOut.Match(text); match.Success; match = match.NextMatch())
            {
                // Written out whole ("jane@mail.com") is the pattern above; this one is for the disguised.
                if (!Plain.IsMatch(match.ValueSpan))
                {
                    found.Add(new Detected(match.Index, match.Length, RedactionKind.Email));
                }
            }

            RedactionPatterns.AddAll(AllBracketed, text, RedactionKind.Email, found);
            RedactionPatterns.AddAll(ProviderOnly, text, RedactionKind.Email, found);
        }
    }

    private static readonly Regex Plain = RedactionPatterns.Create(@"^[^\s@]+@[^\s@]+$");
}
