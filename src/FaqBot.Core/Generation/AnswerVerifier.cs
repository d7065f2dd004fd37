using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Knowledge.Lint;
using FaqBot.Core.Safety;
using FaqBot.Core.Text;

namespace FaqBot.Core.Generation;

/// <summary>The verifier's reading of a whole answer: each sentence's check, and the first problem
/// (null when every sentence is supported and the answer may be sent).</summary>
public sealed record Verification(IReadOnlyList<SentenceCheck> Sentences, string? Problem)
{
    public bool Accepted => Problem is null;
}

/// <summary>
/// Checks a generated answer against the approved snippets it was given, sentence by sentence.
/// A sentence is supported only when all of these hold:
/// <list type="number">
/// <item>it cites at least one snippet, and only snippets that were given;</item>
/// <item>it gives no dose and does not judge the reader's case (the clinical-advice lint rule),
/// and the safety gate does not read it as urgent, dosing or diagnostic unless the cited snippets
/// themselves read so;</item>
/// <item>every quantity ("40 minutes", "two or three sessions") lies within one the cited
/// snippets state, and every other number, web or mail address, month and weekday appears in them;</item>
/// <item>each of its clauses is negated exactly when the snippet sentence that clause matches best
/// is, and it does not allow
/// the reader ("you may", "you can", "it is safe to") what a cited snippet says not to do ("you
/// may drive yourself home" against "you should not drive a car"; "your sister can drive you
/// home" allows the reader nothing);</item>
/// <item>every content word (stemmed, function words aside) appears in the cited snippets, but for
/// at most <see cref="MaxUnsupportedWords"/> of them.</item>
/// </list>
/// Words of the patient's question never count as support: what the patient wrote is not approved.
/// </summary>
public sealed partial class AnswerVerifier(int maxUnsupportedWords = 0)
{
    /// <summary>Words that carry no fact of their own: articles, pronouns, auxiliaries and modals,
    /// connectives, hedges, light verbs and negations (negation is checked on its own). "One"
    /// is not read as a number on its own ("one reason", "one part of"); with a unit it is a
    /// quantity ("one session") and checked as one.</summary>
    private static readonly string[] FunctionWords =
    [
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for", "from", "with",
        "about", "into", "as", "than", "too", "very", "just", "also", "this", "that", "these", "those", "there", "here",
        "it", "its", "it's", "i", "me", "my", "you", "you're", "you'll", "you've", "your", "yours", "yourself", "we", "we'll",
        "we're", "our", "us", "they", "them", "their", "he", "she", "him", "her", "his", "is", "am", "are", "was", "were",
        "be", "been", "being", "do", "does", "did", "have", "has", "had", "will", "would", "shall", "should", "can", "could",
        "may", "might", "must", "not", "no", "never", "don't", "doesn't", "can't", "cannot", "won't", "isn't", "aren't",
        "shouldn't", "please", "which", "who", "what", "when", "where", "how", "why", "any", "some", "all", "each", "every",
        "both", "either", "neither", "nor", "without", "while", "during", "after", "before", "until", "up", "out", "over",
        "again", "more", "most", "other", "such", "only", "own", "same", "because", "however", "usually",
        "typically", "generally", "often", "sometimes", "well", "yes", "although", "though", "still", "since",
        "itself", "themselves", "simply", "anything", "something", "everything", "else", "like", "thing", "things", "whole",
        "get", "gets", "got", "getting", "happen", "happens", "called", "even", "way", "one",
    ];

    private static readonly FaqAnalyzer Analyzer = new(FunctionWords);

    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7",
        ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["fifteen"] = "15",
        ["twenty"] = "20", ["thirty"] = "30", ["forty"] = "40", ["fifty"] = "50", ["sixty"] = "60", ["seventy"] = "70", ["eighty"] = "80", ["ninety"] = "90",
        ["hundred"] = "100", ["first"] = "1", ["second"] = "2", ["third"] = "3", ["fourth"] = "4", ["fifth"] = "5",
        ["twice"] = "2", ["dozen"] = "12", ["half"] = "0.5",
    };

    /// <summary>Each snippet read once per knowledge snapshot (a reload brings new snippet and gate
    /// objects, so nothing stale is kept, and nothing outlives its snapshot).</summary>
    private readonly ConditionalWeakTable<SafetyGate, ConditionalWeakTable<Snippet, Evidence>> _evidence = new();

    public int MaxUnsupportedWords { get; } = maxUnsupportedWords;

    public Verification Verify(string answer, IReadOnlyList<Snippet> given, SafetyGate safety)
    {
        var sentences = GeneratedSentences.Split(answer);
        if (sentences.Count == 0)
        {
            return new Verification([], "the answer has no sentence");
        }

        var read = _evidence.GetValue(safety, _ => new ConditionalWeakTable<Snippet, Evidence>());
        var evidence = given.Select(snippet => read.GetValue(snippet, s => Evidence.Of(s, safety))).ToList();
        var checks = sentences.Select(sentence => Check(sentence, evidence, safety)).ToList();
        var failed = checks.FindIndex(c => !c.Supported);
        return new Verification(checks, failed < 0 ? null : $"sentence {failed + 1} ({Quote(checks[failed].Text)}): {checks[failed].Problem}");
    }

    private SentenceCheck Check(GeneratedSentence sentence, List<Evidence> given, SafetyGate safety)
    {
        SentenceCheck Fail(string problem, double coverage = 0) => new(sentence.Text, sentence.Cites, coverage, problem);

        if (sentence.Cites.Count == 0)
        {
            return Fail("cites no snippet");
        }

        if (sentence.Cites.Where(n => n < 1 || n > given.Count).Select(n => (int?)n).FirstOrDefault() is { } wrong)
        {
            return Fail($"cites [{wrong}], but {given.Count} snippet{(given.Count == 1 ? " was" : "s were")} given");
        }

        var text = sentence.Text;
        var cited = sentence.Cites.Select(n => given[n - 1]).ToList();
        if (ClinicalAdviceRule.Find(text).FirstOrDefault() is { } advice)
        {
            return Fail(advice);
        }

        var triage = safety.Triage(text);
        if (triage.Category is { } category && !cited.Any(e => e.Categories.Contains(category)))
        {
            return Fail($"reads as {category.ToString().ToLowerInvariant()} (rules {string.Join(", ", triage.FiredRuleIds)}), and the cited snippet does not");
        }

        var lower = text.ToLowerInvariant();
        foreach (Match address in Address().Matches(lower))
        {
            if (!cited.Any(e => e.Lower.Contains(address.Value.TrimEnd('.', ','), StringComparison.Ordinal)))
            {
                return Fail($"\"{address.Value}\" is not in the cited snippet");
            }
        }

        foreach (var quantity in QuantityReader.Read(text))
        {
            if (!cited.Any(e => e.Quantities.Any(q => q.Kind == quantity.Kind && q.Low <= quantity.Low && quantity.High <= q.High)))
            {
                return Fail($"\"{quantity.Text}\" is not what the cited snippet says");
            }
        }

        // Every number must appear as written, in digits or words, quantities included: a range
        // "40 to 60 minutes" lies within "40 to 90 minutes" but is not what the snippet says.
        foreach (var (number, written) in NumbersIn(text))
        {
            if (!cited.Any(e => e.Numbers.Contains(number)))
            {
                return Fail($"the number \"{written}\" is not in the cited snippet");
            }
        }

        foreach (Match calendar in Calendar().Matches(lower))
        {
            if (!cited.Any(e => e.Lower.Contains(calendar.Value, StringComparison.Ordinal)))
            {
                return Fail($"\"{calendar.Value}\" is not in the cited snippet");
            }
        }

        foreach (var clause in SplitClauses(lower))
        {
            var best = cited.SelectMany(e => e.Clauses)
                .Select(c => (Clause: c, Shared: clause.Terms.Count(c.Terms.Contains)))
                .MaxBy(c => c.Shared);
            if (best.Shared > 0 && clause.Negated != best.Clause.Negated)
            {
                return Fail(clause.Negated
                    ? $"says \"not\" where the snippet clause it matches does not ({Quote(best.Clause.Text)})"
                    : $"drops the \"not\" of the snippet clause it matches ({Quote(best.Clause.Text)})");
            }
        }

        if (!IsNegated(lower) && Permission().Match(lower) is { Success: true } permission
            && PermittedWords(permission).FirstOrDefault(w => cited.Any(e => e.Forbidden.Contains(w))) is { } forbidden)
        {
            return Fail($"allows \"{permission.Value.Trim()}\" where the cited snippet says not to ({forbidden})");
        }

        // Numbers were checked above, in whatever form they were written.
        var terms = Analyzer.Analyze(Number().Replace(text, " ")).Select(t => t.Term).Where(t => !t.Any(char.IsDigit)).ToList();
        var unsupported = terms.Where(t => !cited.Any(e => e.Terms.Contains(t))).Distinct().ToList();
        var coverage = terms.Count == 0 ? 1.0 : Math.Round(1.0 - (double)terms.Count(t => unsupported.Contains(t)) / terms.Count, 3);
        if (unsupported.Count > MaxUnsupportedWords)
        {
            return Fail($"words not in the cited snippet: {string.Join(", ", unsupported)}", coverage);
        }

        return new SentenceCheck(text, sentence.Cites, coverage, null);
    }

    private static IEnumerable<(string Number, string Written)> NumbersIn(string text)
    {
        foreach (Match match in Number().Matches(text))
        {
            var value = match.Groups["digits"].Success ? match.Groups["digits"].Value.Replace(",", "", StringComparison.Ordinal)
                : match.Groups["tens"].Success ? (int.Parse(NumberWords[match.Groups["tens"].Value], CultureInfo.InvariantCulture)
                    + int.Parse(NumberWords[match.Groups["ones"].Value], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)
                : NumberWords[match.Groups["word"].Value];
            yield return (value, match.Value);
        }
    }

    /// <summary>The stemmed content words right after a permission ("you may drive yourself" gives
    /// drive; "it is safe to operate machinery" gives oper, machineri).</summary>
    private static IEnumerable<string> PermittedWords(Match permission) =>
        Analyzer.Analyze(permission.Groups["what"].Value).Select(t => t.Term);

    /// <summary>What a snippet says not to do: the content words of each clause after a "not",
    /// "never", "avoid" or "no" (up to the clause's end), stemmed.</summary>
    private static HashSet<string> ForbiddenWords(string lower) =>
        [.. NegatedClause().Matches(lower).SelectMany(m => Analyzer.Analyze(m.Groups["what"].Value)).Select(t => t.Term)];

    private static bool IsNegated(string lower) => Negation().IsMatch(lower);

    /// <summary>A sentence's clauses, split at punctuation and conjunctions, each with its stemmed
    /// content words; a piece with fewer than two content words ("usually not", "drowsy") joins the
    /// next one (the last joins the one before), so a "not" always stays with what it negates.</summary>
    private static List<Clause> SplitClauses(string lower)
    {
        var clauses = new List<Clause>();
        var text = "";
        var terms = new List<string>();
        foreach (var piece in ClauseBreak().Split(lower))
        {
            text = text.Length == 0 ? piece : text + " " + piece;
            terms.AddRange(Analyzer.Analyze(piece).Select(t => t.Term));
            if (terms.Count >= 2)
            {
                clauses.Add(new Clause(text.Trim(), terms, IsNegated(text)));
                (text, terms) = ("", []);
            }
        }

        if (text.Trim().Length > 0)
        {
            if (clauses.Count == 0)
            {
                clauses.Add(new Clause(text.Trim(), terms, IsNegated(text)));
            }
            else
            {
                var last = clauses[^1];
                var joined = last.Text + " " + text.Trim();
                clauses[^1] = new Clause(joined, [.. last.Terms, .. terms], IsNegated(joined));
            }
        }

        return clauses;
    }

    private static string Quote(string text) => "\"" + (text.Length <= 80 ? text : text[..77] + "...") + "\"";

    /// <summary>What a cited snippet offers as support: its title and answer read the same way as
    /// the generated sentence.</summary>
    private sealed record Evidence(
        string Lower,
        HashSet<string> Terms,
        HashSet<string> Numbers,
        IReadOnlyList<Quantity> Quantities,
        IReadOnlyList<Clause> Clauses,
        HashSet<SafetyCategory> Categories,
        HashSet<string> Forbidden)
    {
        public static Evidence Of(Snippet snippet, SafetyGate safety)
        {
            var text = snippet.Title + ".\n" + snippet.Body;
            var lower = text.ToLowerInvariant();
            var plain = GeneratedSentences.Plain(snippet.Body).ToList();
            var clauses = plain.SelectMany(s => SplitClauses(s.ToLowerInvariant())).ToList();
            var categories = plain.Select(s => safety.Triage(s).Category).OfType<SafetyCategory>().ToHashSet();
            return new Evidence(
                lower,
                [.. Analyzer.Analyze(text).Select(t => t.Term)],
                [.. NumbersIn(text).Select(n => n.Number)],
                [.. QuantityReader.Read(text)],
                clauses,
                categories,
                ForbiddenWords(lower));
        }
    }

    /// <summary>A clause of an answer or a snippet: its text, stemmed content words and whether it says "not".</summary>
    private sealed record Clause(string Text, List<string> Terms, bool Negated);

    [GeneratedRegex(@"(?<![\w.])(?:(?<digits>\d+(?:,\d{3})*(?:[.:]\d+)?)(?:st|nd|rd|th)?"
        + @"|(?<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?<ones>one|two|three|four|five|six|seven|eight|nine)"
        + @"|(?<word>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|first|second|third|fourth|fifth|twice|dozen|half))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(?:you\s+(?:may|can|could|might)(?:\s+also)?|you(?:'re|\s+are)\s+(?:allowed|permitted|free|fine|ok|okay|safe)\s+to|(?:it's|it\s+is)\s+(?:fine|ok|okay|safe|alright|all\s+right)\s+(?:for\s+you\s+)?to)\s+(?<what>(?:\w+\s*){1,3})")]
    private static partial Regex Permission();

    [GeneratedRegex(@"(?:\b(?:not|never|avoid|no)\b|n['’]t\b)\s+(?<what>[^.,;:!?]{1,80})")]
    private static partial Regex NegatedClause();

    [GeneratedRegex(@"[,;:()—–]|\s-\s|\b(?:so|but|and|because|although|though|while|whereas|since)\b")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+")]
    private static partial Regex Address();

    [GeneratedRegex(@"\b(?:january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekends?|tomorrow|tonight|yesterday)\b")]
    private static partial Regex Calendar();

    [GeneratedRegex(@"\b(?:not|no|never|none|nothing|nobody|neither|nor|without|cannot)\b|n['’]t\b")]
    private static partial Regex Negation();
}
