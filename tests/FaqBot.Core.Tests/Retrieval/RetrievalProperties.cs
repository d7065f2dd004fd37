using FaqBot.Core.Answering;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Retrieval;

/// <summary>Retrieval and the whole answer on any text up to the longest message the host accepts:
/// nothing throws, and what comes back is a valid outcome.</summary>
public sealed class RetrievalProperties
{
    private static readonly KnowledgeBase Shipped = KnowledgeFolder.Shipped;

    private static readonly RetrievalOptions Options = TestBot.ShippedRetrieval();

    private static readonly Answerer Bot = TestBot.Create(input: new InputOptions { MaxQuestionLength = HostileText.MaxLength });

    [Property(MaxTest = 100)]
    public Property The_index_ranks_any_text_without_throwing() =>
        Prop.ForAll(HostileText.Arbitrary(), message =>
        {
            var scoring = new RetrievalScoring(Options.QuestionCoverageExponent, Options.SupportWeight);

            var candidates = Shipped.Index.Search(message.Text, new DateOnly(2026, 12, 1), scoring, Options.MaxCandidates).Candidates;

            Assert.InRange(candidates.Count, 0, Options.MaxCandidates);
            Assert.All(candidates, c => Assert.InRange(c.Confidence, 0.0, 1.0));
            Assert.Equal(candidates.OrderByDescending(c => c.Confidence).Select(c => c.Snippet.Id), candidates.Select(c => c.Snippet.Id));
        });

    [Property(MaxTest = 100)]
    public Property Any_text_gets_a_valid_answer() =>
        Prop.ForAll(HostileText.Arbitrary(), async message =>
        {
            var answer = await Bot.AskAsync(message.Text);

            Assert.True(Enum.IsDefined(answer.Outcome));
            Assert.False(string.IsNullOrWhiteSpace(answer.Text));
            Assert.InRange(answer.Confidence, 0.0, 1.0);
            Assert.Equal(answer.Outcome == AnswerOutcome.Declined, answer.Category is not null);
            if (answer.Outcome == AnswerOutcome.Answered)
            {
                Assert.NotEmpty(answer.Citations);
                Assert.All(answer.Citations, c => Assert.Contains(Shipped.Snippets, s => s.Id == c.SnippetId));
            }
            else
            {
                Assert.Empty(answer.Citations);
            }
        });
}
