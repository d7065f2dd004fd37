using System.Text.RegularExpressions;

namespace FaqBot.Core.Knowledge.Lint;

/// <summary>
/// <c>clinical-advice-in-answer</c> (error): an answer (approved or draft snippet body) that gives a
/// dose or judges whether the treatment suits the reader. The bot declines dosing questions and
/// routes them to staff; an answer must not give what the decline withholds.
/// <list type="bullet">
/// <item><b>Doses</b>: a number with a dose unit ("35 mg", "0.5 mg/kg", "2 ml", "100 mcg",
/// "2 cc", "1.5 grams", "0.5 milligrams per kilogram"), a spelled-out dose unit anywhere
/// ("milligrams", "micrograms", "millilitres"), or a per-weight rate ("mg/kg", "per kilogram").
/// Units must stand as words: "omg" or "mgmt" are not doses.</item>
/// <item><b>Suitability judgements</b>: "you are a good (ideal, suitable, ...) candidate"; "safe,
/// suitable, appropriate, ideal, a good fit for you" (not when "whether" or "if" comes before them
/// in the sentence: "Whether ketamine is suitable for you is decided at your consultation");
/// "it will work for you"; and telling the reader to stop, start, skip, reduce or change their
/// medication or dose ("you should stop taking your medication", "stop taking your
/// antidepressants").</item>
/// </list>
/// Each finding quotes the words found; the field is <c>body</c>.
/// </summary>
internal static partial class ClinicalAdviceRule
{
    public static IEnumerable<LintFinding> Check(LintContext context) =>
        context.Reviewed.SelectMany(snippet => Check(snippet, snippet.File));

    /// <summary>The findings for one snippet's answer, <paramref name="file"/> naming it.</summary>
    public static IEnumerable<LintFinding> Check(Snippet snippet, string file) =>
        Find(snippet.Body).Select(problem => LintFinding.Error(LintRules.ClinicalAdviceInAnswer, file, "body", problem));

    /// <summary>What in <paramref name="text"/> gives a dose or judges the reader's case, one
    /// sentence per finding quoting the words found; empty when nothing does.</summary>
    public static IEnumerable<string> Find(string text)
    {
        foreach (Match dose in DosePattern().Matches(text))
        {
            yield return $"gives a dose (\"{dose.Value.Trim()}\"): dosing is for the clinician, not the FAQ; the bot declines dosing questions and hands them to staff";
        }

        foreach (var sentence in Sentences().Split(text))
        {
            foreach (Match judgement in JudgementPattern().Matches(sentence))
            {
                if (judgement.Groups["fit"].Success && QuestionWord().IsMatch(sentence[..judgement.Index]))
                {
                    continue; // "Whether ketamine is suitable for you is decided at your consultation."
                }

                yield return $"judges the reader's own case (\"{judgement.Value.Trim()}\"): only a clinician can, at a consultation";
            }
        }
    }

    [GeneratedRegex(
        @"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|μg|ug|ml|cc|grams?|milligrams?|micrograms?|millilit(?:er|re)s?)\b(?:\s*(?:/|per)\s*(?:kg|kilo(?:gram)?s?|lbs?|pounds?)\b)?"
        + @"|\b(?:milligrams?|micrograms?|millilit(?:er|re)s?)\b(?:\s*(?:/|per)\s*(?:kg|kilo(?:gram)?s?|lbs?|pounds?)\b)?"
        + @"|\b(?:mg|mcg)\s*(?:/|per)\s*(?:kg|kilo(?:gram)?s?)\b"
        + @"|\bper\s+(?:kilogram|kg)\b(?:\s+of\s+body\s*weight)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DosePattern();

    [GeneratedRegex(
        @"\byou(?:\s+are|'re|’re)\s+(?:an?\s+)?(?:very\s+|really\s+|definitely\s+)?(?:good|great|ideal|perfect|suitable|excellent|strong|right|eligible)\s+candidate\b"
        + @"|\b(?<fit>(?:completely\s+|perfectly\s+|totally\s+|very\s+)?(?:safe|suitable|appropriate|ideal|a\s+good\s+fit|a\s+good\s+option|the\s+right\s+choice))\s+for\s+you\b"
        + @"|\b(?:will|would|is\s+going\s+to)\s+(?:definitely\s+|certainly\s+)?(?:work|help)\s+for\s+you\b"
        + @"|\byou\s+(?:should|can|could|may|must|need\s+to|ought\s+to)\s+(?:safely\s+)?(?:stop|start|skip|pause|reduce|increase|lower|raise|double|halve|change|taper|discontinue|come\s+off|keep)\s+"
        + @"(?:taking\s+|using\s+)?(?:your\s+|any\s+|all\s+|the\s+)?(?:\w+\s+)?(?:medications?|medicines?|meds|doses?|dosage|antidepressants?|prescriptions?|pills?|tablets?)\b"
        + @"|\b(?:stop|skip|pause|discontinue)\s+taking\s+(?:your|any|all)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JudgementPattern();

    [GeneratedRegex(@"\b(?:whether|if)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionWord();

    [GeneratedRegex(@"(?<=[.!?])\s+|\r?\n")]
    private static partial Regex Sentences();
}
