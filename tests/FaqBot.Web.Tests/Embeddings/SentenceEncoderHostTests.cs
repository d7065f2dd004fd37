using System.Net;
using FaqBot.Core.Answering;
using FaqBot.Core.Embeddings;
using FaqBot.Web.Tests.Generation;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Tests.Embeddings;

/// <summary>The web host and its sentence encoder: the embedded model by default, loaded at start,
/// a model that cannot load stops the start with the setting that turns it off, and <c>None</c>
/// starts without one.</summary>
public sealed class SentenceEncoderHostTests
{
    [Fact]
    public async Task The_host_starts_with_the_default_settings_and_the_embedded_encoder()
    {
        await using var factory = new FaqBotFactory().With("Embeddings:CachePath", ""); // the default: under the data folder

        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var generator = factory.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Equal(SentenceModel.MiniLm, generator.GetService<EmbeddedSentenceEncoder>()?.Model);
        Assert.Equal(EmbeddedModel.MiniLm, factory.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.Model);
        var data = factory.Services.GetRequiredService<IOptions<FaqBot.Storage.StorageOptions>>().Value.DataPath;
        Assert.Equal(Path.Combine(data, EmbeddingOptions.DefaultFolder), Path.GetDirectoryName(factory.Services.GetRequiredService<EmbeddingStore>().PathOf("examples")));
    }

    [Fact]
    public async Task Retrieval_is_hybrid_on_the_embedded_encoder_by_default_and_lexical_when_turned_off()
    {
        await using var hybrid = new FaqBotFactory();
        await using var lexical = new FaqBotFactory().With("Retrieval:Hybrid:Enabled", "false");

        var answer = await hybrid.Services.GetRequiredService<Answerer>().AskAsync("Does the IV hurt?");
        var off = await lexical.Services.GetRequiredService<Answerer>().AskAsync("Does the IV hurt?");

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal("how-ketamine-is-given", answer.Citations[0].SnippetId);
        Assert.Contains("hybrid ranking", answer.Trace.Decision, StringComparison.Ordinal);
        Assert.All(answer.Trace.Candidates, c => Assert.NotNull(c.Semantic));
        Assert.DoesNotContain("hybrid ranking", off.Trace.Decision, StringComparison.Ordinal);
        Assert.All(off.Trace.Candidates, c => Assert.Null(c.Semantic));
    }

    [Fact]
    public void A_model_that_cannot_load_stops_the_start_naming_the_setting()
    {
        var broken = SentenceModel.MiniLm with { Load = _ => throw new DllNotFoundException("Unable to load shared library 'onnxruntime'") };
        using var factory = new FaqBotFactory().WithServices(s => s.AddSingleton(_ => EmbeddedSentenceEncoder.Load(broken, new EmbeddingOptions())));

        var error = Assert.Throws<EmbeddingModelLoadException>(() => factory.CreateClient());

        Assert.Contains("Embeddings:Model to None", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_None_and_the_semantic_safety_layer_turned_off_the_host_starts_without_an_encoder()
    {
        await using var factory = new FaqBotFactory().With("Embeddings:Model", "None").With("Safety:Semantic:Enabled", "false");

        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(factory.Services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Fact]
    public void Without_an_encoder_the_semantic_safety_layer_stops_the_start_unless_it_is_turned_off_explicitly()
    {
        using var factory = new FaqBotFactory().With("Embeddings:Model", "None");

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Safety:Semantic:Enabled=false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_semantic_safety_layer_is_on_by_default_and_declines_an_urgent_message_the_rules_miss_with_the_crisis_reply()
    {
        await using var factory = new FaqBotFactory();
        var answerer = factory.Services.GetRequiredService<Answerer>();

        // Written for this test: a farewell in words the urgent rules do not hold.
        var answer = await answerer.AskAsync("sorted out who gets the dog and my guitar, the kids will be fine, this is the last week anyone has to worry about me");

        Assert.Equal(AnswerOutcome.Declined, answer.Outcome);
        Assert.Equal(FaqBot.Core.Safety.SafetyCategory.Urgent, answer.Category);
        var hit = Assert.Single(answer.Trace.Safety!, h => h.RuleId == "semantic.urgent");
        Assert.NotEmpty(hit.Nearest!);
        Assert.Contains("semantic: urgent", answer.Trace.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_semantic_hit_is_stored_in_the_trace_with_its_nearest_examples()
    {
        await using var factory = new FaqBotFactory();
        var client = await DirectLineClient.StartAsync(factory.CreateClient());

        var reply = await client.AskAsync("sorted out who gets the dog and my guitar, the kids will be fine, this is the last week anyone has to worry about me");

        var trace = await factory.StoredTraceAsync(client, reply);
        var hit = Assert.Single(trace["safety"]!.AsArray(), h => (string?)h!["rule"] == "semantic.urgent")!;
        var nearest = hit["nearest"]!.AsArray();
        Assert.NotEmpty(nearest);
        Assert.All(nearest, n => Assert.InRange((double)n!["similarity"]!, -1.0, 1.0));
        Assert.Contains(nearest, n => (string?)n!["category"] == "urgent");
    }
}
