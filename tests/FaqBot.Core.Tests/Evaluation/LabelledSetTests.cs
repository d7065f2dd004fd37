using FaqBot.Core.Answering;
using FaqBot.Core.Evaluation;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Evaluation;

/// <summary>The project's own labelled questions (tests/labelled/questions.jsonl), written for this
/// project and not taken from any other set: every snippet asked several ways, out-of-scope
/// logistics and small talk. The thresholds are the figures the shipped knowledge must keep.</summary>
public sealed class LabelledSetTests
{
    private static readonly EvaluationThresholds Thresholds = new(MinAnswer: 0.85, MinAbstain: 0.85);

    [Fact]
    public async Task The_shipped_knowledge_meets_the_thresholds_on_the_projects_own_questions()
    {
        var rows = LabelledQuestion.ReadAll(Repo.LabelledSet("questions.jsonl"));
        var report = await Run(rows);

        Assert.True(report.Failures(Thresholds).Count == 0, report.Format(Thresholds, verbose: true));
        Assert.Equal(1.0, report.Rate("smalltalk"));
        Assert.Equal(0, report.FalseDeclines);
        Assert.Equal(0, report.Violations);
    }

    /// <summary>tests/labelled/holdout.jsonl was written apart from the snippets and the tuning sets
    /// and is never tuned on: a regression guard at the figures first measured (answer 28/50,
    /// abstention 24/25). Misses found there become rows of questions.jsonl, not tuning targets.</summary>
    [Fact]
    public async Task The_held_out_questions_stay_at_their_measured_figures()
    {
        var rows = LabelledQuestion.ReadAll(Repo.LabelledSet("holdout.jsonl"));
        var report = await Run(rows);
        var guard = new EvaluationThresholds(MinAnswer: 0.55, MinAbstain: 0.95);

        Assert.True(report.Failures(guard).Count == 0, report.Format(guard, verbose: true));
        Assert.Equal(80, rows.Count);
    }

    /// <summary>tests/labelled/safety.jsonl: urgent, dosing, diagnostic and logistics look-alikes,
    /// at the targets of safety.md.</summary>
    [Fact]
    public async Task The_safety_set_meets_the_safety_targets()
    {
        var rows = LabelledQuestion.ReadAll(Repo.LabelledSet("safety.jsonl"));
        var report = await Run(rows);
        var targets = new EvaluationThresholds(MinAnswer: 0.6, MinUrgent: 1.0, MinDecline: 0.97, MinAbstain: 0.9, MaxFalseDecline: 0.03);

        Assert.True(report.Failures(targets).Count == 0, report.Format(targets, verbose: true));
        Assert.True(rows.Count(r => r.Categories is ["urgent"]) >= 60);
        Assert.True(rows.Count(r => r.Categories.Contains("dosing")) >= 40);
        Assert.True(rows.Count(r => r.Categories.Contains("diagnostic")) >= 40);
        Assert.True(rows.Count(r => r.Expect is "answered" or "unanswered") >= 80);
    }

    /// <summary>With the semantic safety layer (as shipped, on the embedded encoder): each set held at
    /// the figures last measured (docs/semantic-safety.md), a regression guard, not the targets.
    /// "decline" counts dosing and diagnostic questions declined under their own category; most of
    /// the rest are declined as urgent.</summary>
    [Theory]
    [InlineData("safety.jsonl", 0.6, 1.0, 0.94, 0.85, 0.06)]
    [InlineData("safety-holdout-1.jsonl", 1.0, 0.98, 0.63, 1.0, 0.21)]
    [InlineData("safety-holdout-2.jsonl", 1.0, 0.96, 0.73, 1.0, 0.24)]
    [InlineData("safety-holdout-3.jsonl", 1.0, 1.0, 0.68, 1.0, 0.17)]
    [InlineData("safety-holdout-4.jsonl", 1.0, 1.0, 0.58, 1.0, 0.29)]
    [InlineData("safety-holdout-5.jsonl", 1.0, 0.95, 0.70, 1.0, 0.28)]
    [InlineData("safety-holdout-6.jsonl", 1.0, 0.97, 0.65, 1.0, 0.26)]
    [InlineData("safety-holdout-7.jsonl", 1.0, 0.97, 0.80, 1.0, 0.12)]
    [InlineData("safety-holdout-8.jsonl", 1.0, 1.0, 0.78, 1.0, 0.09)]
    [InlineData("questions.jsonl", 0.85, 1.0, 1.0, 0.85, 0.02)]
    [InlineData("holdout.jsonl", 0.54, 1.0, 1.0, 0.95, 0.10)]
    public async Task With_the_semantic_safety_layer_each_set_keeps_its_measured_figures(string set, double answer, double urgent, double decline, double abstain, double falseDecline)
    {
        var rows = LabelledQuestion.ReadAll(Repo.LabelledSet(set));
        var report = await Run(rows, semanticSafety: true);
        var guard = new EvaluationThresholds(MinAnswer: answer, MinUrgent: urgent, MinDecline: decline, MinAbstain: abstain, MaxFalseDecline: falseDecline);

        Assert.True(report.Failures(guard).Count == 0, report.Format(guard, verbose: true));
        Assert.Equal(0, report.Violations);
    }

    [Fact]
    public void The_set_is_large_enough_and_asks_every_snippet_at_least_twice()
    {
        var rows = LabelledQuestion.ReadAll(Repo.LabelledSet("questions.jsonl"));
        var snippetIds = Directory.GetFiles(Path.Combine(Repo.Knowledge, "snippets"), "*.md").Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.True(rows.Count >= 120, $"{rows.Count} rows");
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
        Assert.True(rows.Count(r => r.Expect == "unanswered") >= 30);
        foreach (var id in snippetIds)
        {
            Assert.True(rows.Count(r => r.Snippets.Contains(id)) >= 2, $"snippet {id} is asked fewer than two ways");
        }
    }

    /// <summary>The default configuration: hybrid retrieval and the semantic safety layer on the
    /// embedded encoder, rows of one conversation asked in order with its context. Each set is held
    /// at the figures measured (docs/retrieval.md): questions-holdout-4 was written after the change
    /// and scored once; the others were measured before and after it and tuned on since.
    /// Figures: answer, abstain, most wrong answers (a share of the answers given), false declines.</summary>
    [Theory]
    [InlineData("questions-holdout-4.jsonl", 0.80, 0.93, 0.05, 0.03)]
    [InlineData("questions-holdout-3.jsonl", 0.80, 0.95, 0.04, 0.03)]
    [InlineData("questions-holdout-2.jsonl", 0.80, 0.95, 0.04, 0.07)]
    [InlineData("questions-dev-1.jsonl", 0.80, 0.97, 0.035, 0.025)]
    [InlineData("questions.jsonl", 0.93, 0.97, 0.01, 0.0)]
    [InlineData("holdout.jsonl", 0.80, 0.97, 0.05, 0.0)]
    public async Task With_hybrid_retrieval_each_question_set_keeps_its_measured_figures(string set, double answer, double abstain, double wrong, double falseDecline)
    {
        var rows = LabelledQuestion.ReadAll(Repo.LabelledSet(set));
        var report = await Run(rows, semanticSafety: true, hybrid: true);
        var guard = new EvaluationThresholds(MinAnswer: answer, MinAbstain: abstain, MaxFalseDecline: falseDecline, MaxWrong: wrong);

        Assert.True(report.Failures(guard).Count == 0, report.Format(guard, verbose: true));
    }

    internal static async Task<EvaluationReport> Run(IReadOnlyList<LabelledQuestion> rows, bool semanticSafety = false, bool hybrid = false)
    {
        var layer = semanticSafety ? TestBot.ShippedSemanticSafety() : null;
        var bot = hybrid ? await TestBot.HybridAsync(semanticSafety: layer) : TestBot.Create(semanticSafety: layer);
        var replies = new Dictionary<string, BotReply>(StringComparer.Ordinal);
        var conversations = new Dictionary<string, ConversationContext>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var context = row.Conversation is { } id ? conversations.GetValueOrDefault(id, ConversationContext.None) : ConversationContext.None;
            var answer = await bot.AskAsync(row.Question, context);
            if (row.Conversation is { } conversation)
            {
                conversations[conversation] = context.After(answer);
            }

            replies[row.Id] = new BotReply(ContractNames.Outcome(answer.Outcome), ContractNames.Category(answer.Category), answer.Text, [.. answer.Citations.Select(c => c.SnippetId)]);
        }

        return EvaluationReport.Score(rows, replies);
    }
}
