using FaqBot.Core.Knowledge;
using FaqBot.Core.Text;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using static FaqBot.Storage.Tests.TestSupport.Turns;

namespace FaqBot.Storage.Tests.Transcripts;

public sealed class UnansweredReportTests
{
    private static readonly RetrievalVocabulary Small = new(
        StopWords: ["a", "an", "the", "is", "it", "my", "do", "does", "you", "can", "i", "of", "for", "in"],
        LightWords: ["what", "how"],
        Synonyms: [["price", "cost", "fee"]]);

    private static KnowledgeBase Shipped => Repo.Knowledge;

    [Fact]
    public void Paraphrases_are_grouped_and_unrelated_questions_kept_apart()
    {
        var questions = Questions(
            ("ins", "Do you take insurance?"),
            ("ins", "Does my insurance cover ketamine infusions?"),
            ("ins", "Is this covered by insurance?"),
            ("ins", "do you accept insurance"),
            ("ins", "Will my insurance pay for the treatment?"),
            ("park", "Where do I park?"),
            ("park", "Is there parking at the clinic?"),
            ("park", "where can i park my car"),
            ("preg", "Is ketamine safe during pregnancy?"),
            ("preg", "Can I get an infusion if I'm pregnant?"),
            ("preg", "is ketamine safe when pregnant"),
            // Each shares only "infusion" (which the snippets use everywhere) with the others.
            ("drive", "Can I drive after the infusion?"),
            ("eat", "Can I eat before my infusion?"),
            ("long", "How long does the infusion take?"));

        var groups = UnansweredReport.Group(questions, Shipped);

        // Each group holds one topic; equal counts go newest first.
        Assert.Equal(
            ["ins", "preg", "park", "long", "eat", "drive"],
            groups.Select(g => string.Join(",", g.Examples.Select(Topic).Distinct())));
        Assert.Equal([5, 3, 3, 1, 1, 1], groups.Select(g => g.Count));
    }

    [Fact]
    public void A_group_counts_every_asking_and_spans_first_to_last()
    {
        var questions = Questions(
            ("ins", "Do you take insurance?"),
            ("park", "Where do I park?"),
            ("ins", "do you take insurance"),
            ("ins", "Do you accept insurance?"),
            ("ins", "Do you take insurance?"));

        var groups = UnansweredReport.Group(questions, Shipped);

        var insurance = groups[0];
        Assert.Equal(4, insurance.Count);
        Assert.Equal("Do you take insurance?", insurance.Representative);
        Assert.Equal((T0, T0.AddMinutes(4)), (insurance.FirstSeen, insurance.LastSeen));
        // Same words up to case and punctuation are one example; newest first.
        Assert.Equal(["Do you take insurance?", "Do you accept insurance?"], insurance.Examples.Select(e => e.Question));
        Assert.Equal((1, "Where do I park?"), (groups[1].Count, groups[1].Representative));
    }

    [Fact]
    public void Examples_are_capped_at_five_newest_wordings()
    {
        var wordings = new[]
        {
            "Do you take insurance?", "Do you accept insurance?", "Is insurance accepted?", "Is this covered by insurance?",
            "Does insurance cover it?", "Insurance?", "What insurance do you take?", "Do you bill insurance?",
        };
        var questions = Questions([.. wordings.Select(w => ("ins", w))]);

        var group = Assert.Single(UnansweredReport.Group(questions, Shipped));

        Assert.Equal(8, group.Count);
        Assert.Equal(UnansweredReport.MaxExamples, group.Examples.Count);
        Assert.Equal(wordings.Reverse().Take(5), group.Examples.Select(e => e.Question));
    }

    [Fact]
    public void Terms_the_known_texts_use_everywhere_do_not_glue_questions_together()
    {
        var questions = Questions(("a", "infusion parking"), ("b", "infusion insurance"));
        string[] known = ["infusion times", "infusion room", "after the infusion", "infusion length"];

        Assert.Single(UnansweredReport.Group(questions, Small, []));
        Assert.Equal(2, UnansweredReport.Group(questions, Small, known).Count);
    }

    [Fact]
    public void Synonyms_and_word_forms_meet()
    {
        var questions = Questions(("a", "What is the fee?"), ("a", "How much does it cost?"), ("b", "pregnancy"), ("b", "pregnant"));

        var groups = UnansweredReport.Group(questions, Small, []);

        Assert.Equal([2, 2], groups.Select(g => g.Count));
        Assert.All(groups, g => Assert.Single(g.Examples.Select(Topic).Distinct()));
    }

    [Fact]
    public void Questions_without_terms_group_only_when_worded_the_same()
    {
        var questions = Questions(("x", "???"), ("x", "???"), ("y", "is it"), ("z", "can you"));

        var groups = UnansweredReport.Group(questions, Small, []);

        Assert.Equal([2, 1, 1], groups.Select(g => g.Count));
    }

    [Fact]
    public void The_result_does_not_depend_on_input_order()
    {
        var questions = Questions(
            ("ins", "Do you take insurance?"), ("ins", "Is this covered by insurance?"), ("park", "Where do I park?"),
            ("park", "Is parking free?"), ("preg", "Is ketamine safe during pregnancy?"), ("ins", "do you accept insurance"),
            ("drive", "Can I drive after the infusion?"));
        var shuffled = questions.OrderBy(q => q.Question.Length).ThenByDescending(q => q.At).ToList();

        var a = UnansweredReport.Group(questions, Shipped);
        var b = UnansweredReport.Group(shuffled, Shipped);

        Assert.Equal(Describe(a), Describe(b));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void A_threshold_outside_0_to_1_is_rejected(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UnansweredReport.Group([], Small, [], threshold));
    }

    private static List<UnansweredQuestion> Questions(params (string Topic, string Text)[] questions) =>
        [.. questions.Select((q, i) => new UnansweredQuestion($"{q.Topic}-{i}", T0.AddMinutes(i), q.Text))];

    private static string Topic(UnansweredQuestion question) => question.ConversationId.Split('-')[0];

    private static string[] Describe(IReadOnlyList<UnansweredGroup> groups) =>
        [.. groups.Select(g => $"{g.Count} {g.Representative} {g.FirstSeen:O} {g.LastSeen:O} [{string.Join("|", g.Examples.Select(e => e.ConversationId))}]")];
}
