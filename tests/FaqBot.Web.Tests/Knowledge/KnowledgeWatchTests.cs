using System.Diagnostics;
using FaqBot.Core.Answering;
using FaqBot.Core.Knowledge;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace FaqBot.Web.Tests.Knowledge;

/// <summary>Edits to the knowledge folder serve without a restart; an edit that leaves the folder
/// unservable keeps the last good knowledge serving and is reported.</summary>
public sealed class KnowledgeWatchTests(ITestOutputHelper output)
{
    private const string Snippet = "snippets/what-to-wear.md";
    private const string OldBody = "Wear loose-fitting, comfortable clothing";
    private const string Question = "What should I wear to my infusion?";

    [Fact]
    public async Task A_saved_edit_of_a_snippet_body_is_served_to_patients()
    {
        using var knowledge = new WatchedKnowledge();
        var before = knowledge.Holder.Generation;
        const string NewBody = "Wear soft, loose-fitting clothing";

        var saved = Stopwatch.StartNew();
        knowledge.Edit(Snippet, OldBody, NewBody);
        await WatchedKnowledge.WaitForAsync(() => Body(knowledge.Holder).StartsWith(NewBody, StringComparison.Ordinal), "the edited body is served");
        output.WriteLine($"edit to serving: {saved.ElapsedMilliseconds} ms (includes the 20 ms polling step)");

        var client = await DirectLineClient.StartAsync(knowledge.Factory.CreateClient());
        await client.ReadAsync();
        var reply = await client.AskAsync(Question);
        Assert.StartsWith(NewBody, (string)reply["text"]!, StringComparison.Ordinal);
        Assert.True(knowledge.Holder.Generation > before);
        Assert.Null(knowledge.Holder.LastFailure);
        await WatchedKnowledge.WaitForAsync(
            () => knowledge.Log.Any(line => line.Level == LogLevel.Information && line.Message.StartsWith($"Knowledge reloaded: generation {knowledge.Holder.Generation}", StringComparison.Ordinal)),
            "the reload is logged");
    }

    [Fact]
    public async Task A_save_that_writes_a_temporary_file_and_renames_it_over_the_snippet_is_served()
    {
        using var knowledge = new WatchedKnowledge();
        const string NewBody = "Wear clothes you can relax in";
        var temporary = knowledge.File("snippets/.what-to-wear.md.swp");

        File.WriteAllText(temporary, knowledge.Read(Snippet).Replace(OldBody, NewBody, StringComparison.Ordinal));
        File.Move(temporary, knowledge.File(Snippet), overwrite: true);

        await WatchedKnowledge.WaitForAsync(() => Body(knowledge.Holder).StartsWith(NewBody, StringComparison.Ordinal), "the renamed file is served");
        var answer = await Answerer(knowledge).AskAsync(Question, CancellationToken.None);
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.StartsWith(NewBody, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_writes_in_a_row_end_with_the_last_one_serving()
    {
        using var knowledge = new WatchedKnowledge();
        var original = knowledge.Read(Snippet);

        for (var version = 1; version <= 5; version++)
        {
            // Each save first truncates the file, as many editors do, then writes it in two parts.
            var text = original.Replace(OldBody, $"Version {version}: wear loose-fitting, comfortable clothing", StringComparison.Ordinal);
            await using (var file = new FileStream(knowledge.File(Snippet), FileMode.Create, FileAccess.Write, FileShare.ReadWrite))
            {
                await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text[..(text.Length / 2)]));
                await file.FlushAsync();
                await Task.Delay(10);
                await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text[(text.Length / 2)..]));
            }

            await Task.Delay(30);
        }

        await WatchedKnowledge.WaitForAsync(() => Body(knowledge.Holder).StartsWith("Version 5:", StringComparison.Ordinal), "the last version is served");
        Assert.Null(knowledge.Holder.LastFailure);
        Assert.False(knowledge.Holder.LastLoad.HasErrors);
        var answer = await Answerer(knowledge).AskAsync(Question, CancellationToken.None);
        Assert.StartsWith("Version 5:", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("broken YAML in retrieval.yaml")]
    [InlineData("a missing reply file")]
    public async Task A_change_that_stops_the_folder_serving_keeps_the_last_good_knowledge_until_it_is_fixed(string change)
    {
        using var knowledge = new WatchedKnowledge();
        var served = knowledge.Holder.Current;
        var generation = knowledge.Holder.Generation;
        var (file, expectedInError) = change == "a missing reply file"
            ? ("replies/no-answer.md", "no-answer")
            : (KnowledgeLoader.VocabularyFile, KnowledgeLoader.VocabularyFile);
        var good = knowledge.Read(file);

        if (change == "a missing reply file")
        {
            File.Delete(knowledge.File(file));
        }
        else
        {
            knowledge.Write(file, good.Replace("lightwords: [", "lightwords: {", StringComparison.Ordinal));
        }

        await WatchedKnowledge.WaitForAsync(() => knowledge.Holder.LastFailure is not null, "the failed reload is recorded");
        var failure = knowledge.Holder.LastFailure!;
        Assert.False(failure.Served);
        Assert.Contains(failure.Result.Diagnostics, d => d.IsError && (d.File.Contains(expectedInError, StringComparison.Ordinal) || d.Message.Contains(expectedInError, StringComparison.Ordinal)));
        Assert.Same(served, knowledge.Holder.Current);
        Assert.Equal(generation, knowledge.Holder.Generation);
        await WatchedKnowledge.WaitForAsync(
            () => knowledge.Log.Any(line => line.Level == LogLevel.Error && line.Message.Contains(expectedInError, StringComparison.Ordinal)),
            "the errors are logged");
        var client = await DirectLineClient.StartAsync(knowledge.Factory.CreateClient());
        await client.ReadAsync();
        Assert.StartsWith(OldBody, (string)(await client.AskAsync(Question))["text"]!, StringComparison.Ordinal);

        knowledge.Write(file, good);

        await WatchedKnowledge.WaitForAsync(() => knowledge.Holder.LastFailure is null, "the fix is served");
        Assert.True(knowledge.Holder.Generation > generation);
        Assert.NotSame(served, knowledge.Holder.Current);
        Assert.False(knowledge.Holder.LastLoad.HasErrors);
    }

    [Fact]
    public async Task A_snippet_with_an_error_is_left_out_and_the_other_snippets_keep_serving()
    {
        using var knowledge = new WatchedKnowledge();
        var generation = knowledge.Holder.Generation;
        var others = knowledge.Holder.Current.Snippets.Count - 1;

        knowledge.Edit(Snippet, "title: \"What to wear\"", "title: \"What to wear");

        await WatchedKnowledge.WaitForAsync(() => knowledge.Holder.Generation > generation, "the folder is reloaded");
        var current = knowledge.Holder.Current;
        Assert.DoesNotContain(current.Snippets, s => s.Id == "what-to-wear");
        Assert.Equal(others, current.Snippets.Count);
        Assert.Null(knowledge.Holder.LastFailure);
        Assert.Contains(knowledge.Holder.LastLoad.Diagnostics, d => d.IsError && d.File.EndsWith(Snippet, StringComparison.Ordinal));
        await WatchedKnowledge.WaitForAsync(
            () => knowledge.Log.Any(line => line.Level == LogLevel.Warning && line.Message.Contains(Snippet, StringComparison.Ordinal)),
            "the left-out snippet is logged");
        var getHome = current.Snippets.Single(s => s.Id == "getting-home");
        var answer = await Answerer(knowledge).AskAsync(getHome.Questions[0], CancellationToken.None);
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal(getHome.Body.Trim(), answer.Text.Trim());
    }

    [Theory]
    [InlineData("19")]
    [InlineData("1501")]
    public void A_quiet_period_out_of_range_stops_the_host_at_start(string milliseconds)
    {
        using var factory = new FaqBotFactory().With("Knowledge:Watch:QuietMilliseconds", milliseconds);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.IsType<OptionsValidationException>(error.GetBaseException());
    }

    private static Answerer Answerer(WatchedKnowledge knowledge) => knowledge.Factory.Services.GetRequiredService<Answerer>();

    private static string Body(KnowledgeHolder holder) => holder.Current.Snippets.Single(s => s.Id == "what-to-wear").Body;
}
