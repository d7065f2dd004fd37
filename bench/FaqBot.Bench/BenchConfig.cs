using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;

namespace FaqBot.Bench;

/// <summary>Shared settings: parameter values (the questions) are shown in full.</summary>
internal class BenchConfig : ManualConfig
{
    public BenchConfig() => SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(40);
}

/// <summary>Adds what the bot did with each question, so the timings can be read against it.</summary>
internal sealed class AnswerConfig : BenchConfig
{
    public AnswerConfig() => AddColumn(new OutcomeColumn());
}
