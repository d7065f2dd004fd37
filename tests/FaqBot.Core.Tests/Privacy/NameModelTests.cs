using System.Text;
using FaqBot.Core.Embeddings;
using FaqBot.Core.Evaluation;
using FaqBot.Core.Privacy;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>The statistical name model shipped with the project (Resources/name-model.bin) and the
/// redactor that reads names with it as well as with the rules.</summary>
public sealed class NameModelTests
{
    private static readonly Lazy<Redactor> WithModel = new(() => new Redactor(new RedactionOptions(), Recogniser));

    private static NameRecogniser Recogniser => NameRecogniser.Embedded ?? throw new InvalidOperationException("The name model is not embedded.");

    private static List<string> NamesIn(string text)
    {
        var found = new List<Detected>();
        Recogniser.Find(text, found);
        return [.. found.Select(d => text.Substring(d.Start, d.Length))];
    }

    [Theory]
    [InlineData("ok so oluwaseun and i both want to book, do you do couples slots", "oluwaseun")]
    [InlineData("Can Tamsin sit with me during the infusion? she's my best mate", "Tamsin")]
    [InlineData("if Xiomara calls about my appointment, can you tell her the time?", "Xiomara")]
    [InlineData("Can Rahul Venkataraman pick up my receipts for me?", "Rahul Venkataraman")]
    public void The_model_reads_names_without_a_cue(string message, string name) =>
        Assert.Contains(name, NamesIn(message));

    [Theory]
    [InlineData("Do you take Blue Cross? And is parking free on Main Street?")]
    [InlineData("Is Spravato the same as the ketamine infusion? What does Medicare pay?")]
    [InlineData("Will I be able to drive after? Grace period for payment?")]
    [InlineData("How long is the first session and can I bring headphones?")]
    public void The_model_leaves_ordinary_words(string message) =>
        Assert.Empty(NamesIn(message));

    [Fact]
    public void A_name_the_rules_miss_is_redacted_with_the_model()
    {
        const string Message = "ok so oluwaseun and i both want to book, do you do couples slots";

        Assert.Contains("oluwaseun", Redactor.Default.Redact(Message), StringComparison.Ordinal);
        Assert.DoesNotContain("oluwaseun", WithModel.Value.Redact(Message), StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholders_are_never_read_as_names() =>
        Assert.Empty(NamesIn("[name] said [name] would call, [phone] is the number, [redacted]"));

    [Fact]
    public void A_long_message_is_read_up_to_the_limit_and_no_further()
    {
        var message = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            message.Append("thanks oluwaseun. ");
        }

        var reading = NameReading.Of(message.ToString(), NameRecogniser.MaxTokens);
        var names = NamesIn(message.ToString());

        Assert.True(reading.EncoderWords.Count <= NameRecogniser.MaxTokens);
        Assert.True(reading.Words[^1].End < message.Length / 2);
        Assert.InRange(names.Count, 1, NameRecogniser.MaxTokens);
    }

    [Fact]
    public void Odd_text_is_read_without_failing()
    {
        var odd = "\uDC00 \uFFFE Zoë-\u0301 " + new string('!', 5_000) + " 田中 " + new string('a', 20_000) + " \0\u200B";

        NamesIn(odd);
        WithModel.Value.Redact(odd);
    }

    [Fact]
    public void A_model_round_trips_through_its_file_and_reads_the_same()
    {
        using var stream = new MemoryStream();
        Recogniser.Write(stream);
        stream.Position = 0;

        var read = NameRecogniser.Read(stream, WordVectorEncoder.Load(SentenceModel.MiniLm, threads: 1));

        var reading = NameReading.Of("my cousin oluwaseun and Tamsin will come", NameRecogniser.MaxTokens);
        Assert.Equal(Recogniser.Threshold, read.Threshold);
        Assert.Equal(Recogniser.Score(reading), read.Score(reading));
    }

    [Fact]
    public void A_file_that_is_no_name_model_is_refused_with_a_reason()
    {
        using var empty = new MemoryStream(Encoding.UTF8.GetBytes("\u0005hello"));
        var encoder = WordVectorEncoder.Load(SentenceModel.MiniLm, threads: 1);

        Assert.Throws<InvalidDataException>(() => NameRecogniser.Read(empty, encoder));
    }

    [Fact]
    public void A_model_for_other_features_is_refused_and_the_message_says_to_train_again()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("faqbot-names");
            writer.Write(NameRecogniser.FeatureVersion + 1);
            writer.Write(SentenceModel.MiniLm.Name);
        }

        stream.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => NameRecogniser.Read(stream, WordVectorEncoder.Load(SentenceModel.MiniLm, threads: 1)));

        Assert.Contains("train-names", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_learns_names_from_labelled_messages_and_reports_each_threshold()
    {
        var rows = LabelledRedaction.ReadAll(Repo.LabelledSet("privacy-dev.jsonl")).Take(60).ToList();
        var steps = new List<string>();

        var training = NameModelTraining.Run(rows, l2: 0.01, folds: 2, steps.Add);
        using var stream = new MemoryStream();
        training.Write(stream, 0.5);
        stream.Position = 0;
        var trained = NameRecogniser.Read(stream, WordVectorEncoder.Load(SentenceModel.MiniLm, threads: 1));

        Assert.Contains("0.50", training.Report, StringComparison.Ordinal);
        Assert.Contains(steps, s => s.StartsWith("cross-validation fold 2", StringComparison.Ordinal));
        var labelled = rows.First(r => r.Details.Any(d => d.Kind == "name"));
        var reading = NameReading.Of(labelled.Text, NameRecogniser.MaxTokens);
        var scores = trained.Score(reading);
        var name = labelled.Details.First(d => d.Kind == "name").Text;
        var inName = reading.Candidates.Select((c, i) => (Word: reading.Words[c].Text, Score: scores[i])).Where(x => name.Contains(x.Word, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(inName);
        Assert.True(inName.Max(x => x.Score) > 0.5, labelled.Text);
    }

    [Fact]
    public void Training_without_any_name_is_refused() =>
        Assert.Throws<InvalidDataException>(() => NameModelTraining.Run([new LabelledRedaction("x", "How much is parking?", [])], 0.01, 2, _ => { }));

    [Property(MaxTest = 40)]
    public Property With_the_model_the_redactor_never_throws_and_redacting_twice_changes_nothing() =>
        Prop.ForAll(HostileText.Arbitrary(Gen.Elements("thanks, oluwaseun", "Xiomara will call", "my number is 555-201-7789")), message =>
        {
            var once = WithModel.Value.Redact(message.Text);

            Assert.Equal(once, WithModel.Value.Redact(once));
        });
}
