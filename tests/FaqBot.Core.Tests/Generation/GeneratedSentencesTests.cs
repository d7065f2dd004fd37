using FaqBot.Core.Generation;

namespace FaqBot.Core.Tests.Generation;

/// <summary>How a model's answer is cut into sentences and how its citation markers are read.</summary>
public sealed class GeneratedSentencesTests
{
    [Theory]
    [InlineData("Please plan for someone else to drive you home [1].")]
    [InlineData("Please plan for someone else to drive you home. [1]")]
    [InlineData("Please plan for someone else to drive you home.[1]")]
    [InlineData("Please plan for someone else to drive you home[1].")]
    public void A_marker_before_or_after_the_full_stop_belongs_to_its_sentence(string answer)
    {
        var sentence = Assert.Single(GeneratedSentences.Split(answer));

        Assert.Equal("Please plan for someone else to drive you home.", sentence.Text);
        Assert.Equal([1], sentence.Cites);
    }

    [Fact]
    public void Markers_after_full_stops_go_to_the_sentence_before_them()
    {
        var sentences = GeneratedSentences.Split("Please plan for a lift home. [1] The infusion takes about 40 minutes. [2]");

        Assert.Equal(2, sentences.Count);
        Assert.Equal("Please plan for a lift home.", sentences[0].Text);
        Assert.Equal([1], sentences[0].Cites);
        Assert.Equal("The infusion takes about 40 minutes.", sentences[1].Text);
        Assert.Equal([2], sentences[1].Cites);
    }

    [Theory]
    [InlineData("Rest before you leave [1][2].")]
    [InlineData("Rest before you leave [1] [2].")]
    [InlineData("Rest before you leave [1, 2].")]
    [InlineData("Rest before you leave [1,2].")]
    [InlineData("Rest before you leave [1-2].")]
    [InlineData("Rest before you leave [1–2].")]
    [InlineData("Rest before you leave. [1][2]")]
    public void Several_snippets_can_be_cited_in_any_marker_form(string answer)
    {
        var sentence = Assert.Single(GeneratedSentences.Split(answer));

        Assert.Equal("Rest before you leave.", sentence.Text);
        Assert.Equal([1, 2], sentence.Cites);
    }

    [Fact]
    public void A_range_marker_names_every_snippet_in_it()
    {
        var sentence = Assert.Single(GeneratedSentences.Split("Rest before you leave [1-3]."));

        Assert.Equal([1, 2, 3], sentence.Cites);
    }

    [Fact]
    public void A_sentence_without_a_marker_cites_nothing()
    {
        var sentences = GeneratedSentences.Split("Please plan for a lift home [1]. Parking is free.");

        Assert.Equal(2, sentences.Count);
        Assert.Equal("Parking is free.", sentences[1].Text);
        Assert.Empty(sentences[1].Cites);
    }

    [Fact]
    public void Bullets_numbers_and_headings_are_dropped_and_each_line_is_a_sentence()
    {
        var sentences = GeneratedSentences.Split("## Getting home\n- Plan for a lift home [1].\n* Rest before you leave [2].\n• Bring a friend [1].\n3. Wear loose clothing [3].");

        Assert.Equal(["Getting home", "Plan for a lift home.", "Rest before you leave.", "Bring a friend.", "Wear loose clothing."], sentences.Select(s => s.Text));
        Assert.Equal(["", "1", "2", "1", "3"], sentences.Select(s => string.Join(',', s.Cites)));
    }

    [Theory]
    [InlineData("**Do not drive** for the rest of the day [1].")]
    [InlineData("__Do not drive__ for the rest of the day [1].")]
    [InlineData("*Do not drive* for the rest of the day [1].")]
    [InlineData("Do not `drive` for the rest of the day [1].")]
    public void Bold_italics_and_code_marks_are_stripped(string answer)
    {
        var sentence = Assert.Single(GeneratedSentences.Split(answer));

        Assert.Equal("Do not drive for the rest of the day.", sentence.Text);
        Assert.Equal([1], sentence.Cites);
    }

    [Fact]
    public void Windows_line_breaks_split_like_unix_ones()
    {
        var sentences = GeneratedSentences.Split("Plan for a lift home [1].\r\nRest before you leave [2].");

        Assert.Equal(["Plan for a lift home.", "Rest before you leave."], sentences.Select(s => s.Text));
    }

    [Theory]
    [InlineData("Dr. Smith will see you at your consultation [1].", "Dr. Smith will see you at your consultation.")]
    [InlineData("The clinic opens at 9 a.m. Monday to Friday [1].", "The clinic opens at 9 a.m. Monday to Friday.")]
    [InlineData("Bring a list of your medicines, e.g. Sertraline, to the visit [1].", "Bring a list of your medicines, e.g. Sertraline, to the visit.")]
    [InlineData("We are at 6700 W 121st St. Overland Park [1].", "We are at 6700 W 121st St. Overland Park.")]
    public void Abbreviations_do_not_end_a_sentence(string answer, string expected)
    {
        var sentence = Assert.Single(GeneratedSentences.Split(answer));

        Assert.Equal(expected, sentence.Text);
        Assert.Equal([1], sentence.Cites);
    }

    [Fact]
    public void A_sentence_after_an_abbreviated_one_still_splits_at_an_ordinary_full_stop()
    {
        var sentences = GeneratedSentences.Split("Dr. Smith will see you [1]. Please arrive early [2].");

        Assert.Equal(["Dr. Smith will see you.", "Please arrive early."], sentences.Select(s => s.Text));
        Assert.Equal(["1", "2"], sentences.Select(s => string.Join(',', s.Cites)));
    }

    [Theory]
    [InlineData("Yes, someone else should drive you home [1].")]
    [InlineData("Yes. Someone else should drive you home [1].")]
    [InlineData("Yes! Someone else should drive you home [1].")]
    [InlineData("yes - someone else should drive you home [1].")]
    public void A_leading_yes_is_dropped(string answer)
    {
        var sentence = Assert.Single(GeneratedSentences.Split(answer));

        Assert.Equal("Someone else should drive you home.", sentence.Text);
        Assert.Equal([1], sentence.Cites);
    }

    [Theory]
    [InlineData("No, you should not drive a car for the rest of the day [1].")]
    [InlineData("No. You should not drive a car for the rest of the day [1].")]
    [InlineData("No: you should not drive a car for the rest of the day [1].")]
    public void A_leading_no_is_dropped(string answer)
    {
        var sentence = Assert.Single(GeneratedSentences.Split(answer));

        Assert.Equal("You should not drive a car for the rest of the day.", sentence.Text);
        Assert.Equal([1], sentence.Cites);
    }

    [Fact]
    public void A_bare_yes_or_no_sentence_disappears()
    {
        var sentence = Assert.Single(GeneratedSentences.Split("Yes.\nSomeone else should drive you home [1]."));

        Assert.Equal("Someone else should drive you home.", sentence.Text);
    }

    [Theory]
    [InlineData("No one should drive themselves home after an infusion [1].")]
    [InlineData("Nobody should drive themselves home after an infusion [1].")]
    [InlineData("Nothing you need is kept at the clinic [1].")]
    [InlineData("Yesterday's appointment is not needed [1].")]
    public void A_sentence_that_only_starts_with_the_letters_of_yes_or_no_is_kept_whole(string answer)
    {
        var sentence = Assert.Single(GeneratedSentences.Split(answer));

        Assert.Equal(answer.Replace(" [1]", "", StringComparison.Ordinal), sentence.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\t \r\n")]
    [InlineData("[1]")]
    [InlineData("**  **")]
    [InlineData("- \n* ")]
    [InlineData("Yes.")]
    public void An_answer_without_words_has_no_sentences(string answer) =>
        Assert.Empty(GeneratedSentences.Split(answer));

    [Fact]
    public void A_lowercase_start_left_by_a_dropped_yes_is_capitalised()
    {
        var sentence = Assert.Single(GeneratedSentences.Split("Yes, ask a friend to take you home [1]."));

        Assert.Equal("Ask a friend to take you home.", sentence.Text);
    }

    [Fact]
    public void A_marker_repeated_in_one_sentence_is_counted_once()
    {
        var sentence = Assert.Single(GeneratedSentences.Split("Plan a lift [1] and rest [1]."));

        Assert.Equal([1], sentence.Cites);
        Assert.Equal("Plan a lift and rest.", sentence.Text);
    }
}
