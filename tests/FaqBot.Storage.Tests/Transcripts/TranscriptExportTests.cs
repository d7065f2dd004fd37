using System.Text;
using System.Text.Json;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using Moq;
using static FaqBot.Storage.Tests.TestSupport.Turns;

namespace FaqBot.Storage.Tests.Transcripts;

public abstract class TranscriptExportTests(Engine engine)
{
    [Fact]
    public async Task A_transcript_is_a_json_array_of_the_activities_in_order()
    {
        await using var temp = await TempStore.CreateAsync(engine);
        var first = Of("c", T0, question: "Can I drive home?");
        var second = Of("c", T0.AddMinutes(1), question: "Quote \" and <script>alert(1)</script>");
        await temp.AppendAsync(first, second);
        var detail = await temp.Store.GetAsync("c", default);

        using var output = new MemoryStream();
        await TranscriptExport.WriteTranscriptAsync(detail!, output, default);

        using var json = JsonDocument.Parse(output.ToArray());
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var activities = json.RootElement.EnumerateArray().ToList();
        Assert.All(activities, a => Assert.Equal("message", a.GetProperty("type").GetString()));
        Assert.Equal(
            [.. first.Activities.Concat(second.Activities).Select(a => a.ActivityId)],
            activities.Select(a => a.GetProperty("id").GetString()));
        Assert.Equal("Quote \" and <script>alert(1)</script>", activities[2].GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_empty_conversation_is_an_empty_array()
    {
        using var output = new MemoryStream();
        await TranscriptExport.WriteTranscriptAsync(Detail(), output, default);

        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(output.ToArray()).RootElement.ValueKind);
        Assert.Equal(0, JsonDocument.Parse(output.ToArray()).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_stored_activity_that_is_not_an_object_is_refused()
    {
        using var output = new MemoryStream();
        var detail = Detail(new StoredActivity("x", ActivityDirection.In, "message", T0, "[1,2]"));

        await Assert.ThrowsAsync<InvalidDataException>(() => TranscriptExport.WriteTranscriptAsync(detail, output, default));
    }

    [Fact]
    public async Task Csv_has_a_header_one_line_per_row_crlf_and_iso_utc_times()
    {
        var row = Row("conv-1", tags: ["pricing", "needs-snippet"]) with
        {
            StartedAt = new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.FromHours(2)),
        };

        var csv = await Csv(row);

        Assert.Equal(
            "id,channel,started,last activity,turns,answered,clarified,unanswered,declined,low confidence,negative feedback,reviewed,tags\r\n" +
            "conv-1,webchat,2026-03-02T09:00:00.000Z,2026-03-02T09:30:00.000Z,5,1,2,3,4,1,2,yes,pricing needs-snippet\r\n",
            csv);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("cr\rlf", "\"cr\rlf\"")]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Csv_fields_are_quoted_and_formulas_defused(string value, string expected)
    {
        Assert.Equal(expected, TranscriptExport.CsvField(value));
    }

    [Fact]
    public async Task Every_cell_of_a_row_is_protected()
    {
        var csv = await Csv(Row("=cmd|' /C calc'!A0", channel: "@evil"));

        var line = csv.Split("\r\n")[1];
        Assert.StartsWith("'=cmd|' /C calc'!A0,'@evil,", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filtered_list_is_exported_page_by_page_with_each_conversation_once()
    {
        var filter = new ConversationFilter { Outcome = OutcomeFilter.Unanswered, Skip = 7, Take = 3 };
        var rows = Enumerable.Range(0, 501).Select(i => Row($"c{i}")).ToList();
        var store = new Mock<ITranscriptStore>(MockBehavior.Strict);
        store.Setup(s => s.ListAsync(It.IsAny<ConversationFilter>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ConversationFilter f, CancellationToken _) =>
            {
                Assert.Equal(OutcomeFilter.Unanswered, f.Outcome);
                // A conversation moved up between pages: the second page starts with one already written.
                var start = f.Skip == 0 ? 0 : f.Skip - 1;
                return new ConversationList([.. rows.Skip(start).Take(f.Take)], Counts(rows.Count));
            });
        using var output = new StringWriter();

        await TranscriptExport.WriteCsvAsync(store.Object, filter, output, default);

        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 501, lines.Length);
        Assert.Equal(501, lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
        store.Verify(s => s.ListAsync(It.Is<ConversationFilter>(f => f.Skip == 0 && f.Take == 500), It.IsAny<CancellationToken>()), Times.Once);
        store.Verify(s => s.ListAsync(It.Is<ConversationFilter>(f => f.Skip == 500), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_store_list_exports_as_csv()
    {
        await using var temp = await TempStore.CreateAsync(engine);
        await temp.AppendAsync(Of("a", T0, "no-answer"), Of("b", T0.AddHours(1)), Of("c", T0.AddHours(2), "no-answer"));
        await temp.Store.SetTagsAsync("c", ["follow-up"], default);
        using var output = new StringWriter();

        await TranscriptExport.WriteCsvAsync(temp.Store, new ConversationFilter { Outcome = OutcomeFilter.Unanswered }, output, default);

        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("c,webchat,2026-03-02T11:00:00.000Z,2026-03-02T11:00:00.000Z,1,0,0,1,0,0,0,no,follow-up", lines[1]);
        Assert.StartsWith("a,", lines[2], StringComparison.Ordinal);
    }

    private static async Task<string> Csv(params ConversationRow[] rows)
    {
        var builder = new StringBuilder();
        await using var writer = new StringWriter(builder);
        await TranscriptExport.WriteCsvAsync(rows, writer, default);
        return builder.ToString();
    }

    private static ConversationRow Row(string id, string channel = "webchat", IReadOnlyList<string>? tags = null) =>
        new(id, channel, T0, T0.AddMinutes(30), Turns: 5, Answered: 1, Clarified: 2, Unanswered: 3, Declined: 4, LowConfidence: 1,
            NegativeFeedback: 2, Reviewed: true, Tags: tags ?? []);

    private static ConversationCounts Counts(int n) => new(n, 0, 0, n, 0, 0, 0, 0, 0, 0, 0, n, n);

    private static ConversationDetail Detail(params StoredActivity[] activities) =>
        new("c", "webchat", T0, T0, null, null, [], "", activities, []);

    public sealed class OnSqlite() : TranscriptExportTests(Engine.Sqlite);

    public sealed class OnPostgreSql() : TranscriptExportTests(Engine.PostgreSql);
}
