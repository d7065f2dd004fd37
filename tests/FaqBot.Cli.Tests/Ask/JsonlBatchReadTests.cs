using FaqBot.Cli.Ask;

namespace FaqBot.Cli.Tests.Ask;

/// <summary>How one batch input line is read into an id, a question, or a problem.</summary>
public sealed class JsonlBatchReadTests
{
    [Fact]
    public void Reads_the_id_and_question_of_a_well_formed_line()
    {
        var (id, question, problem, _) = JsonlBatch.Read("{\"id\": \"q1\", \"question\": \"How long does it take?\", \"extra\": true}");

        Assert.Equal("q1", id);
        Assert.Equal("How long does it take?", question);
        Assert.Null(problem);
    }

    [Fact]
    public void Malformed_json_is_a_problem_without_an_id()
    {
        var (id, question, problem, _) = JsonlBatch.Read("{\"id\": \"q1\", \"question\": ");

        Assert.Null(id);
        Assert.Null(question);
        Assert.NotNull(problem);
        Assert.Contains("not valid JSON", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_line_is_a_problem_without_an_id()
    {
        var (id, question, problem, _) = JsonlBatch.Read("");

        Assert.Null(id);
        Assert.Null(question);
        Assert.NotNull(problem);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("true")]
    public void A_json_value_that_is_not_an_object_is_a_problem(string line)
    {
        var (id, question, problem, _) = JsonlBatch.Read(line);

        Assert.Null(id);
        Assert.Null(question);
        Assert.NotNull(problem);
        Assert.Contains("JSON object", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\": \"k\"}")]
    [InlineData("{\"id\": \"k\", \"question\": null}")]
    [InlineData("{\"id\": \"k\", \"question\": 7}")]
    [InlineData("{\"id\": \"k\", \"question\": [\"a\"]}")]
    public void A_missing_or_non_string_question_is_a_problem_that_keeps_the_id(string line)
    {
        var (id, question, problem, _) = JsonlBatch.Read(line);

        Assert.Equal("k", id);
        Assert.Null(question);
        Assert.NotNull(problem);
        Assert.Contains("question", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"question\": \"hello\"}")]
    [InlineData("{\"id\": 5, \"question\": \"hello\"}")]
    public void A_missing_or_non_string_id_is_a_problem(string line)
    {
        var (id, question, problem, _) = JsonlBatch.Read(line);

        Assert.Null(id);
        Assert.Null(question);
        Assert.NotNull(problem);
        Assert.Contains("id", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_question_string_is_passed_on_for_the_answerer_to_judge()
    {
        var (id, question, problem, _) = JsonlBatch.Read("{\"id\": \"e\", \"question\": \"\"}");

        Assert.Equal("e", id);
        Assert.Equal("", question);
        Assert.Null(problem);
    }
}
