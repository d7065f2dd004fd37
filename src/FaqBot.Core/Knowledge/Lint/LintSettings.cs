using FaqBot.Core.Configuration;
using FaqBot.Core.Evaluation;

namespace FaqBot.Core.Knowledge.Lint;

/// <summary>What a lint run needs besides the loaded folder.</summary>
/// <param name="Today">The clinic's date (see <see cref="ClinicDate.Today"/>): review dates and
/// what is served are judged against it.</param>
/// <param name="KnowledgePath">The knowledge folder that was loaded: relative links in answers
/// must resolve to files inside it, and reply files are named from it.</param>
public sealed record LintSettings(DateOnly Today, string KnowledgePath)
{
    public const int DefaultExpiringWithinDays = 30;

    /// <summary>The project's own labelled set, relative to the content root: what lint uses when
    /// no other set is named.</summary>
    public static readonly string DefaultLabelledSet = Path.Combine("tests", "labelled", "questions.jsonl");

    /// <summary>Approved snippets whose review falls due within this many days get a warning.</summary>
    public int ExpiringWithinDays { get; init; } = DefaultExpiringWithinDays;

    /// <summary>The labelled questions (already read, e.g. with <see cref="LabelledQuestion.ReadAll"/>)
    /// that every served snippet should answer at least one of; null skips that rule.</summary>
    public IReadOnlyList<LabelledQuestion>? LabelledQuestions { get; init; }

    /// <summary>The retrieval settings the bot answers with (section <c>Retrieval</c>).</summary>
    public RetrievalOptions Retrieval { get; init; } = new();

    /// <summary>The input limits the bot answers with (section <c>Input</c>).</summary>
    public InputOptions Input { get; init; } = new();
}
