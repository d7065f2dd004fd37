using FaqBot.Core.Answering;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Knowledge.Lint;

/// <summary>
/// <c>unreached-snippets</c> (warning): an approved snippet served today that no question of the
/// labelled set reaches. A question reaches a snippet when the bot, asked it, answers with that
/// snippet: every labelled question goes through an <see cref="Answerer"/> over this very snapshot
/// (<see cref="KnowledgeHolder.Fixed"/>, the configured retrieval and input settings, lexical
/// ranking, handoffs discarded), and the snippet the answer cites is reached. Clarifying
/// questions, declines and no-answers reach nothing. Without a labelled set the rule is skipped.
/// </summary>
internal static class UnreachedSnippetsRule
{
    public static async Task<IReadOnlyList<LintFinding>> CheckAsync(LintContext context, IReadOnlyList<Evaluation.LabelledQuestion> questions, CancellationToken cancellationToken)
    {
        var clock = new DayClock(context.Today);
        var answerer = new Answerer(
            KnowledgeHolder.Fixed(context.Knowledge, clock),
            Options.Create(context.Settings.Retrieval),
            Options.Create(context.Settings.Input),
            clock);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            var answer = await answerer.AskAsync(question.Question, cancellationToken);
            if (answer.Outcome == AnswerOutcome.Answered && answer.Citations.Count > 0)
            {
                reached.Add(answer.Citations[0].SnippetId);
            }
        }

        return
        [
            .. context.Reviewed
                .Where(s => s.IsServable(context.Today) && !reached.Contains(s.Id))
                .Select(s => LintFinding.Warning(LintRules.UnreachedSnippets, s.File, "",
                    $"none of the {questions.Count} labelled question(s) is answered with this snippet; add a labelled question a patient would ask for it, or check its questions")),
        ];
    }

    /// <summary>The lint date as a clock: noon UTC of that day, so every time zone reads the same date.</summary>
    private sealed class DayClock(DateOnly today) : TimeProvider
    {
        private readonly DateTimeOffset _now = new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
