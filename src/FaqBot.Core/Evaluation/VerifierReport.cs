using System.Globalization;
using System.Text;
using FaqBot.Core.Generation;
using FaqBot.Core.Knowledge;

namespace FaqBot.Core.Evaluation;

/// <summary>One row's result: what the verifier decided and, when it refused, why.</summary>
public sealed record VerifierResult(LabelledGeneration Row, bool Accepted, string? Problem)
{
    /// <summary>Right when a faithful answer is kept and a corrupted one refused.</summary>
    public bool Correct => Accepted == Row.Faithful;
}

/// <summary>How the answer verifier does on a constructed set: the share of faithful answers it
/// keeps and of corrupted answers it catches, overall and per kind of corruption.</summary>
public sealed class VerifierReport
{
    private VerifierReport(IReadOnlyList<VerifierResult> results) => Results = results;

    public IReadOnlyList<VerifierResult> Results { get; }

    public int Faithful => Results.Count(r => r.Row.Faithful);

    public int Kept => Results.Count(r => r.Row.Faithful && r.Accepted);

    public int Corrupted => Results.Count(r => !r.Row.Faithful);

    public int Caught => Results.Count(r => !r.Row.Faithful && !r.Accepted);

    public double KeptShare => Faithful == 0 ? 1 : (double)Kept / Faithful;

    public double CaughtShare => Corrupted == 0 ? 1 : (double)Caught / Corrupted;

    /// <summary>Runs every row through <paramref name="verifier"/> against the snippets of
    /// <paramref name="knowledge"/> it names; a row naming an unknown snippet is an error.</summary>
    public static VerifierReport Run(IEnumerable<LabelledGeneration> rows, KnowledgeBase knowledge, AnswerVerifier verifier)
    {
        var byId = knowledge.Snippets.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var results = new List<VerifierResult>();
        foreach (var row in rows)
        {
            var given = row.Snippets
                .Select(id => byId.TryGetValue(id, out var snippet) ? snippet : throw new FormatException($"{row.Id}: no approved snippet '{id}'"))
                .ToList();
            var verification = verifier.Verify(row.Answer, given, knowledge.Safety);
            results.Add(new VerifierResult(row, verification.Accepted, verification.Problem));
        }

        return new VerifierReport(results);
    }

    public string Format(bool verbose)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"faithful kept:    {Kept}/{Faithful} ({KeptShare:0.000})");
        text.AppendLine(CultureInfo.InvariantCulture, $"corrupted caught: {Caught}/{Corrupted} ({CaughtShare:0.000})");
        foreach (var kind in Results.Where(r => !r.Row.Faithful).GroupBy(r => r.Row.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {kind.Key,-20} {kind.Count(r => !r.Accepted)}/{kind.Count()}");
        }

        if (verbose)
        {
            foreach (var miss in Results.Where(r => !r.Correct))
            {
                var line = miss.Row.Faithful
                    ? $"refused faithful {miss.Row.Id}: {miss.Problem}"
                    : $"kept {miss.Row.Kind} {miss.Row.Id}: {miss.Row.Answer}";
                text.AppendLine(line);
            }
        }

        return text.ToString();
    }
}
