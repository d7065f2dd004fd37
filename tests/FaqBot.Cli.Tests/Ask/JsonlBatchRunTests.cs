using System.Text.Json;
using FaqBot.Cli.Ask;
using FaqBot.Cli.Tests.Support;

namespace FaqBot.Cli.Tests.Ask;

/// <summary>The batch contract of <c>faqbot ask --jsonl</c>, run in-process over the shipped knowledge.</summary>
public sealed class JsonlBatchRunTests
{
    private const string Answerable = "Can I drive home after my infusion?";
    private const string OutOfScope = "do you take insurance";

    private static readonly string[] ObjectKeys = ["id", "outcome", "category", "text", "citations", "confidence"];
    private static readonly string[] CitationKeys = ["snippetId", "title", "source", "url"];

    [Fact]
    public async Task Writes_one_line_per_input_line_in_order_and_goes_on_after_bad_lines()
    {
        string[] input =
        [
            Line("q1", Answerable),
            "{\"id\": \"broken\", \"question\": ",
            Line("q3", OutOfScope),
            "",
            "[1,2]",
            Line("q6", ""),
            "{\"id\": \"q7\"}",
            Line("q8", Answerable),
        ];

        var lines = await RunAsync(input);

        Assert.Equal(input.Length, lines.Count);
        var outcomes = lines.Select(l => Outcome(l)).ToArray();
        Assert.Equal(["answered", "invalid", "unanswered", "invalid", "invalid", "invalid", "invalid", "answered"], outcomes);
        var ids = lines.Select(l => l.RootElement.GetProperty("id").GetString() ?? "(null)").ToArray();
        Assert.Equal(["q1", "(null)", "q3", "(null)", "(null)", "q6", "q7", "q8"], ids);
    }

    [Fact]
    public async Task Every_line_has_exactly_the_contract_keys_in_order()
    {
        var lines = await RunAsync([Line("a", Answerable), "not json", Line("c", OutOfScope), "[1,2]", "{\"id\":\"e\"}"]);

        Assert.Equal(5, lines.Count);
        foreach (var line in lines)
        {
            var root = line.RootElement;
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            Assert.Equal(ObjectKeys, root.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Contains(root.GetProperty("id").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            Assert.Equal(JsonValueKind.String, root.GetProperty("outcome").ValueKind);
            Assert.Contains(root.GetProperty("category").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            Assert.Equal(JsonValueKind.String, root.GetProperty("text").ValueKind);
            Assert.Equal(JsonValueKind.Array, root.GetProperty("citations").ValueKind);
            Assert.Equal(JsonValueKind.Number, root.GetProperty("confidence").ValueKind);
            foreach (var citation in root.GetProperty("citations").EnumerateArray())
            {
                Assert.Equal(JsonValueKind.Object, citation.ValueKind);
                Assert.Equal(CitationKeys, citation.EnumerateObject().Select(p => p.Name).ToArray());
            }
        }
    }

    [Fact]
    public async Task An_answerable_logistics_question_is_answered_with_citations_to_a_real_snippet()
    {
        var root = (await RunAsync([Line("drive", Answerable)])).Single().RootElement;

        Assert.Equal("drive", root.GetProperty("id").GetString());
        Assert.Equal("answered", root.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("category").ValueKind);
        var citations = root.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        foreach (var citation in citations)
        {
            var snippetId = citation.GetProperty("snippetId").GetString();
            Assert.False(string.IsNullOrWhiteSpace(snippetId));
            var file = Path.Combine(RepoPaths.Snippets, snippetId + ".md");
            Assert.True(File.Exists(file), $"cited snippet {snippetId} has no file {file}");
            Assert.Equal(SnippetFile.Field(file, "title"), citation.GetProperty("title").GetString());
            Assert.False(string.IsNullOrWhiteSpace(citation.GetProperty("source").GetString()));
        }

        // The answer is the cited snippet's text, verbatim.
        var cited = Path.Combine(RepoPaths.Snippets, citations[0].GetProperty("snippetId").GetString() + ".md");
        Assert.Equal(SnippetFile.Body(cited), root.GetProperty("text").GetString());
        var confidence = root.GetProperty("confidence").GetDouble();
        Assert.InRange(confidence, 0.4, 1.0);
    }

    [Fact]
    public async Task An_out_of_scope_question_is_unanswered_without_citations()
    {
        var root = (await RunAsync([Line("ins", OutOfScope)])).Single().RootElement;

        Assert.Equal("ins", root.GetProperty("id").GetString());
        Assert.Equal("unanswered", root.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("category").ValueKind);
        Assert.Empty(root.GetProperty("citations").EnumerateArray());
        Assert.InRange(root.GetProperty("confidence").GetDouble(), 0.0, 0.4);
        // The no-answer reply is filled with the clinic's phone number from the options.
        Assert.Contains("555-0100", root.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("can my sister drive me home? also i doubled my klonopin today", "urgent")]
    [InlineData("how many mg of ketamine per infusion", "dosing")]
    [InlineData("do i qualify for ketamine", "diagnostic")]
    public async Task Declined_lines_carry_the_category_and_no_citations(string question, string category)
    {
        var root = (await RunAsync([Line("d", question)])).Single().RootElement;

        Assert.Equal("declined", root.GetProperty("outcome").GetString());
        Assert.Equal(category, root.GetProperty("category").GetString());
        Assert.Empty(root.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Malformed_json_is_invalid_with_a_null_id_and_the_next_line_is_still_answered()
    {
        var lines = await RunAsync(["{\"id\": \"x\", \"question\": \"unterminated", Line("next", Answerable)]);

        Assert.Equal(2, lines.Count);
        AssertInvalid(lines[0], expectedId: null);
        Assert.Contains("not valid JSON", lines[0].RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("next", lines[1].RootElement.GetProperty("id").GetString());
        Assert.Equal("answered", Outcome(lines[1]));
    }

    [Fact]
    public async Task A_line_without_a_question_is_invalid_and_keeps_its_id()
    {
        var line = (await RunAsync(["{\"id\": \"only-id\"}"])).Single();

        AssertInvalid(line, "only-id");
        Assert.Contains("question", line.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_string_question_is_invalid_and_keeps_its_id()
    {
        var line = (await RunAsync(["{\"id\": \"num\", \"question\": 42}"])).Single();

        AssertInvalid(line, "num");
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task A_line_that_is_not_an_object_is_invalid(string input)
    {
        var line = (await RunAsync([input])).Single();

        AssertInvalid(line, expectedId: null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_question_is_invalid_and_keeps_its_id(string question)
    {
        var line = (await RunAsync([Line("empty", question)])).Single();

        AssertInvalid(line, "empty");
        Assert.False(string.IsNullOrWhiteSpace(line.RootElement.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_blank_line_yields_an_invalid_line_with_a_null_id()
    {
        var lines = await RunAsync([Line("before", OutOfScope), "", Line("after", OutOfScope)]);

        Assert.Equal(3, lines.Count);
        Assert.Equal("before", lines[0].RootElement.GetProperty("id").GetString());
        AssertInvalid(lines[1], expectedId: null);
        Assert.Equal("after", lines[2].RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Output_is_one_newline_terminated_line_per_input_line()
    {
        var output = new StringWriter { NewLine = "\n" };
        await JsonlBatch.RunAsync(new StringReader("{oops\n" + Line("q", Answerable) + "\n"), output, TestAnswerer.Shared, CancellationToken.None);

        var raw = output.ToString();
        Assert.EndsWith("\n", raw, StringComparison.Ordinal);
        Assert.Equal(2, raw.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public async Task No_input_gives_no_output()
    {
        var lines = await RunAsync([]);

        Assert.Empty(lines);
    }

    private static void AssertInvalid(JsonDocument line, string? expectedId)
    {
        var root = line.RootElement;
        Assert.Equal("invalid", root.GetProperty("outcome").GetString());
        if (expectedId is null)
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty("id").ValueKind);
        }
        else
        {
            Assert.Equal(expectedId, root.GetProperty("id").GetString());
        }

        Assert.Equal(JsonValueKind.Null, root.GetProperty("category").ValueKind);
        Assert.Empty(root.GetProperty("citations").EnumerateArray());
        Assert.Equal(0.0, root.GetProperty("confidence").GetDouble());
    }

    /// <summary>Lines that share a conversation are answered with its context: after an urgent
    /// message, a later turn of that conversation repeats the crisis resources; another
    /// conversation, or a line without one, does not.</summary>
    [Fact]
    public async Task Lines_of_one_conversation_are_answered_with_its_context()
    {
        string[] input =
        [
            """{"id": "c1", "conversation": "a", "question": "I want to end my life"}""",
            """{"id": "c2", "conversation": "a", "question": "Can I drive home after my infusion?"}""",
            """{"id": "c3", "conversation": "b", "question": "Can I drive home after my infusion?"}""",
            Line("c4", Answerable),
            """{"id": "c5", "conversation": 7, "question": "hi"}""",
        ];

        var lines = await RunAsync(input);

        var texts = lines.Select(l => l.RootElement.GetProperty("text").GetString()!).ToArray();
        Assert.Equal("urgent", lines[0].RootElement.GetProperty("category").GetString());
        Assert.StartsWith("Before anything else", texts[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Before anything else", texts[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Before anything else", texts[3], StringComparison.Ordinal);
        Assert.Equal("answered", Outcome(lines[1]));
        Assert.Equal("invalid", Outcome(lines[4]));
    }

    private static string Outcome(JsonDocument line) => line.RootElement.GetProperty("outcome").GetString()!;

    private static string Line(string id, string question) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id, ["question"] = question });

    private static async Task<List<JsonDocument>> RunAsync(string[] inputLines)
    {
        var input = new StringReader(string.Concat(inputLines.Select(l => l + "\n")));
        var output = new StringWriter { NewLine = "\n" };
        await JsonlBatch.RunAsync(input, output, TestAnswerer.Shared, CancellationToken.None);
        var text = output.ToString();
        var lines = text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
        return [.. lines.Select(l => JsonDocument.Parse(l))];
    }
}
