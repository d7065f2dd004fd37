using FaqBot.Core.Generation;
using FaqBot.Core.Knowledge;

namespace FaqBot.Core.Tests.Generation;

/// <summary>The verifier against shipped approved snippets: what a faithful answer may say, and
/// each way an answer can go beyond its cited snippets, refused for the right reason.</summary>
public sealed class AnswerVerifierTests
{
    private static readonly Snippet GettingHome = Shipped.Snippet("getting-home");
    private static readonly Snippet InfusionLength = Shipped.Snippet("infusion-length");
    private static readonly Snippet AfterEffects = Shipped.Snippet("after-effects");
    private static readonly Snippet Contact = Shipped.Snippet("contact-and-booking");
    private static readonly Snippet Sessions = Shipped.Snippet("sessions-and-boosters");

    private readonly AnswerVerifier _verifier = new();

    [Fact]
    public void The_snippets_used_here_still_say_what_the_tests_assume()
    {
        Assert.Contains("Please plan for someone else to drive you home.", GettingHome.Body, StringComparison.Ordinal);
        Assert.Contains("you should not drive a car or operate heavy machinery for the rest of the day", GettingHome.Body, StringComparison.Ordinal);
        Assert.Contains("from about 40 minutes to about 90 minutes", InfusionLength.Body, StringComparison.Ordinal);
        Assert.Contains("at least 30 to 45 minutes", AfterEffects.Body, StringComparison.Ordinal);
        Assert.Contains("(913) 871-9888", Contact.Body, StringComparison.Ordinal);
        Assert.Contains("three sessions over two weeks", Sessions.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("getting-home", "Please plan for someone else to drive you home [1]. Ketamine can leave you feeling woozy afterwards, so you should not drive a car or operate heavy machinery for the rest of the day [1].")]
    [InlineData("getting-home", "Yes, you should not drive a car or operate heavy machinery for the rest of the day [1]. Ideally, ask a friend or family member to take you to and from the clinic [1].")]
    [InlineData("infusion-length", "The infusion itself is described as taking anywhere from about 40 minutes to about 90 minutes [1]. We will confirm how long your infusion will be at your consultation [1].")]
    [InlineData("after-effects", "After the infusion, you may feel drowsy, lightheaded or a bit woozy [1]. These effects last for at least 30 to 45 minutes and usually pass within a few hours [1].")]
    [InlineData("contact-and-booking", "To get started, please call us at (913) 871-9888 to schedule a consultation [1]. Our clinic is at 6700 W 121st St Ste 300 A1, Overland Park, KS 66209 [1].")]
    public void A_near_verbatim_answer_is_accepted(string snippetId, string answer)
    {
        var verification = Verify(answer, Shipped.Snippet(snippetId));

        Assert.True(verification.Accepted, verification.Problem);
        Assert.Null(verification.Problem);
        Assert.Equal(2, verification.Sentences.Count);
        Assert.All(verification.Sentences, s =>
        {
            Assert.True(s.Supported);
            Assert.Equal([1], s.Cites);
            Assert.Equal(1.0, s.Coverage);
        });
    }

    [Fact]
    public void Each_fact_cited_to_the_snippet_that_states_it_is_accepted()
    {
        var verification = Verify(
            "Please plan for someone else to drive you home [1]. The infusion itself is described as taking anywhere from about 40 minutes to about 90 minutes [2].",
            GettingHome, InfusionLength);

        Assert.True(verification.Accepted, verification.Problem);
        Assert.Equal([1], verification.Sentences[0].Cites);
        Assert.Equal([2], verification.Sentences[1].Cites);
    }

    [Fact]
    public void A_sentence_citing_two_snippets_may_draw_on_both()
    {
        var verification = Verify(
            "Please plan for someone else to drive you home, and allow extra time on top of the infusion [1][2].",
            GettingHome, InfusionLength);

        Assert.True(verification.Accepted, verification.Problem);
    }

    [Fact]
    public void An_uncited_sentence_is_refused()
    {
        var verification = Verify("Please plan for someone else to drive you home.", GettingHome);

        Refused(verification, "cites no snippet");
        Assert.False(verification.Sentences[0].Supported);
    }

    [Fact]
    public void One_uncited_sentence_after_cited_ones_is_refused_and_named()
    {
        var verification = Verify("Please plan for someone else to drive you home [1]. Please plan for someone else to drive you home.", GettingHome);

        Refused(verification, "cites no snippet");
        Assert.StartsWith("sentence 2 ", verification.Problem, StringComparison.Ordinal);
        Assert.True(verification.Sentences[0].Supported);
        Assert.False(verification.Sentences[1].Supported);
    }

    [Fact]
    public void Citing_a_snippet_that_was_not_given_is_refused()
    {
        var verification = Verify("Please plan for someone else to drive you home [3].", GettingHome, InfusionLength);

        Refused(verification, "cites [3], but 2 snippets were given");
    }

    [Fact]
    public void Citing_a_second_snippet_when_one_was_given_is_refused()
    {
        var verification = Verify("Please plan for someone else to drive you home [1][2].", GettingHome);

        Refused(verification, "cites [2], but 1 snippet was given");
    }

    [Fact]
    public void Citing_snippet_zero_is_refused_not_thrown()
    {
        var verification = Verify("Please plan for someone else to drive you home [0].", GettingHome);

        Refused(verification, "cites [0]");
    }

    [Theory]
    [InlineData("infusion-length", "The infusion itself takes about 3 hours [1].", "\"about 3 hours\" is not what the cited snippet says")]
    [InlineData("infusion-length", "The infusion itself takes about 20 minutes [1].", "\"about 20 minutes\" is not what the cited snippet says")]
    [InlineData("after-effects", "These effects last for at least 2 hours [1].", "\"at least 2 hours\" is not what the cited snippet says")]
    [InlineData("sessions-and-boosters", "One published description is five sessions over two weeks [1].", "\"five sessions\" is not what the cited snippet says")]
    [InlineData("sessions-and-boosters", "One published description is three sessions over four weeks [1].", "\"four weeks\" is not what the cited snippet says")]
    public void A_changed_quantity_is_refused(string snippetId, string answer, string problem) =>
        Refused(Verify(answer, Shipped.Snippet(snippetId)), problem);

    [Theory]
    [InlineData("infusion-length", "The infusion itself is described as taking anywhere from about 50 minutes to about 90 minutes [1].", "the number \"50\"")]
    [InlineData("contact-and-booking", "To get started, please call us at (913) 871-9889 to schedule a consultation [1].", "the number \"9889\"")]
    [InlineData("contact-and-booking", "Our clinic is at 6701 W 121st St Ste 300 A1, Overland Park, KS 66209 [1].", "the number \"6701\"")]
    public void A_changed_number_is_refused(string snippetId, string answer, string problem) =>
        Refused(Verify(answer, Shipped.Snippet(snippetId)), problem);

    [Theory]
    [InlineData("The infusion is given at 0.5 mg/kg over about 40 minutes [1].", "0.5 mg/kg")]
    [InlineData("The infusion itself contains 35 mg of ketamine [1].", "35 mg")]
    [InlineData("The infusion is measured in milligrams per kilogram [1].", "milligrams per kilogram")]
    public void A_dose_is_refused(string answer, string dose)
    {
        var verification = Verify(answer, InfusionLength);

        Refused(verification, "gives a dose");
        Refused(verification, dose);
    }

    [Theory]
    [InlineData("You are a good candidate for ketamine infusions [1].", "you are a good candidate")]
    [InlineData("The infusion is safe for you [1].", "safe for you")]
    [InlineData("The infusion will work for you [1].", "will work for you")]
    public void A_judgement_of_the_readers_case_is_refused(string answer, string words)
    {
        var verification = Verify(answer, InfusionLength);

        Refused(verification, "judges the reader's own case");
        Assert.Contains(words, verification.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Dropping_the_not_of_the_snippet_is_refused()
    {
        var verification = Verify(
            "Ketamine can leave you feeling woozy afterwards, so you may drive a car or operate heavy machinery for the rest of the day [1].", GettingHome);

        Refused(verification, "drops the \"not\" of the snippet clause it matches");
        Refused(verification, "(\"you should not drive a car");
    }

    [Fact]
    public void Adding_a_not_the_snippet_does_not_have_is_refused()
    {
        var verification = Verify("Please do not plan for someone else to drive you home [1].", GettingHome);

        Refused(verification, "says \"not\" where the snippet clause it matches does not");
    }

    [Theory]
    [InlineData("You may drive yourself home after the infusion [1].")]
    [InlineData("You can drive home after your infusion [1].")]
    [InlineData("It is safe to operate heavy machinery for the rest of the day [1].")]
    [InlineData("You're allowed to drive after the infusion [1].")]
    public void Telling_the_patient_they_may_drive_home_is_refused(string answer)
    {
        var verification = Verify(answer, GettingHome);

        Assert.False(verification.Accepted, "accepted: " + answer);
        Assert.Matches("where the cited snippet says not to|drops the \"not\"", verification.Problem);
    }

    [Theory]
    [InlineData("A friend or family member can drive you home [1].")]
    [InlineData("You can ask a friend or family member to take you to and from the clinic [1].")]
    public void Someone_else_driving_or_the_reader_asking_for_a_lift_is_not_a_permission_to_drive(string answer)
    {
        var verification = Verify(answer, GettingHome);

        Assert.True(verification.Accepted, verification.Problem);
    }

    [Theory]
    [InlineData("Please plan for someone else to drive you home, and parking is free [1].", "park")]
    [InlineData("Please plan for a taxi to drive you home [1].", "taxi")]
    [InlineData("Ketamine can leave you feeling woozy, so you should not drive a car or operate heavy machinery for the rest of the week [1].", "week")]
    public void An_invented_word_is_refused(string answer, string word)
    {
        var verification = Verify(answer, GettingHome);

        Refused(verification, "words not in the cited snippet: ");
        Refused(verification, word);
    }

    [Fact]
    public void A_fact_cited_to_the_wrong_one_of_two_snippets_is_refused()
    {
        const string sentence = "Please plan for someone else to drive you home";

        var right = Verify(sentence + " [1].", GettingHome, InfusionLength);
        var wrong = Verify(sentence + " [2].", GettingHome, InfusionLength);

        Assert.True(right.Accepted, right.Problem);
        Refused(wrong, "words not in the cited snippet");
        Refused(wrong, "drive");
    }

    [Fact]
    public void A_duration_cited_to_the_wrong_one_of_two_snippets_is_refused()
    {
        var verification = Verify("The infusion itself is described as taking anywhere from about 40 minutes to about 90 minutes [1].", GettingHome, InfusionLength);

        Refused(verification, "is not what the cited snippet says");
    }

    [Theory]
    [InlineData("One published description is 3 sessions over 2 weeks [1].")]
    [InlineData("One published description is three sessions over 2 weeks [1].")]
    [InlineData("One published description is 3 sessions over two weeks [1].")]
    public void Digits_for_the_number_words_of_the_snippet_are_accepted(string answer)
    {
        var verification = Verify(answer, Sessions);

        Assert.True(verification.Accepted, verification.Problem);
    }

    [Fact]
    public void Digits_of_another_value_than_the_snippets_number_word_are_refused()
    {
        var verification = Verify("One published description is 3 sessions over 3 weeks [1].", Sessions);

        Refused(verification, "\"3 weeks\" is not what the cited snippet says");
    }

    [Theory]
    [InlineData("You can also book a consultation at www.example.com [1].", "www.example.com")]
    [InlineData("You can also book a consultation at https://example.com/book [1].", "https://example.com/book")]
    [InlineData("You can also email us at info@example.com to schedule a consultation [1].", "info@example.com")]
    public void An_address_not_in_the_snippet_is_refused(string answer, string address)
    {
        var verification = Verify(answer, Contact);

        Refused(verification, address);
        Refused(verification, "is not in the cited snippet");
    }

    [Fact]
    public void A_phone_number_not_in_the_snippet_is_refused()
    {
        var verification = Verify("To get started, please call us at (913) 555-0199 to schedule a consultation [1].", Contact);

        Refused(verification, "the number \"555\" is not in the cited snippet");
    }

    [Fact]
    public void A_weekday_not_in_the_snippet_is_refused()
    {
        var verification = Verify("To get started, please call us on Monday at (913) 871-9888 to schedule a consultation [1].", Contact);

        Refused(verification, "\"monday\" is not in the cited snippet");
    }

    [Fact]
    public void A_sentence_the_safety_gate_reads_as_urgent_is_refused_when_its_snippet_does_not()
    {
        var verification = Verify("If you have chest pain after the infusion, call 911 [1].", AfterEffects);

        Refused(verification, "reads as urgent");
        Refused(verification, "and the cited snippet does not");
    }

    [Fact]
    public void Words_only_the_patients_question_had_are_not_support()
    {
        // Question: "Can my sister drive me home after the infusion?" The verifier is never shown
        // it, so echoing its word "sister" is an unsupported word like any other.
        var verification = Verify("Your sister can drive you home after the infusion [1].", GettingHome);

        Refused(verification, "words not in the cited snippet: sister");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("[1]")]
    public void An_answer_without_sentences_is_refused(string answer)
    {
        var verification = Verify(answer, GettingHome);

        Refused(verification, "the answer has no sentence");
        Assert.Empty(verification.Sentences);
    }

    [Fact]
    public void The_problem_quotes_the_first_failing_sentence()
    {
        var verification = Verify("Please plan for someone else to drive you home [1]. Parking is free [1]. The infusion is given at 0.5 mg/kg [1].", GettingHome);

        Assert.StartsWith("sentence 2 (\"Parking is free.\"): words not in the cited snippet", verification.Problem, StringComparison.Ordinal);
        Assert.Equal(3, verification.Sentences.Count);
        Assert.Contains("gives a dose", verification.Sentences[2].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void One_unsupported_word_may_pass_only_when_the_verifier_allows_it()
    {
        const string answer = "Please plan for a taxi to drive you home [1].";

        Assert.False(new AnswerVerifier().Verify(answer, [GettingHome], Shipped.Knowledge.Safety).Accepted);
        Assert.True(new AnswerVerifier(maxUnsupportedWords: 1).Verify(answer, [GettingHome], Shipped.Knowledge.Safety).Accepted);
    }

    private Verification Verify(string answer, params Snippet[] given) =>
        _verifier.Verify(answer, given, Shipped.Knowledge.Safety);

    private static void Refused(Verification verification, string reason)
    {
        Assert.False(verification.Accepted, "accepted, expected refusal for: " + reason);
        Assert.NotNull(verification.Problem);
        Assert.Contains(reason, verification.Problem, StringComparison.Ordinal);
    }
}
