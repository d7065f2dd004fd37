using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FaqBot.Bench;

/// <summary>The answer each <see cref="AnswerBenchmarks"/> case produces (outcome, snippet and top
/// confidence), computed once per knowledge set in the host process.</summary>
internal sealed class OutcomeColumn : IColumn
{
    private readonly Dictionary<(KnowledgeSet, string), string> _outcomes = [];

    public string Id => nameof(OutcomeColumn);

    public string ColumnName => "Outcome";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "What the bot did: answered (snippet id), clarify or unanswered, with the top confidence";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Parameters[nameof(AnswerBenchmarks.Knowledge)] is not KnowledgeSet set
            || benchmarkCase.Parameters[nameof(AnswerBenchmarks.Question)] is not string question)
        {
            return "-";
        }

        lock (_outcomes)
        {
            if (!_outcomes.ContainsKey((set, question)))
            {
                Describe(set, summary.BenchmarksCases
                    .Select(c => c.Parameters[nameof(AnswerBenchmarks.Question)])
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal));
            }

            return _outcomes[(set, question)];
        }
    }

    private void Describe(KnowledgeSet set, IEnumerable<string> questions)
    {
        using var folder = BenchKnowledgeFolder.Prepare(set);
        var answerer = BenchBot.Answerer(BenchBot.Holder(folder));
        foreach (var question in questions)
        {
            var answer = answerer.AskAsync(question).AsTask().GetAwaiter().GetResult();
            var snippet = answer.Citations.Count > 0 ? " " + answer.Citations[0].SnippetId : "";
            _outcomes[(set, question)] = string.Create(
                CultureInfo.InvariantCulture, $"{answer.Outcome.ToString().ToLowerInvariant()}{snippet} ({answer.Confidence:0.00})");
        }
    }
}
