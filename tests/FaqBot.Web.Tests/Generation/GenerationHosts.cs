using System.Text.Json.Nodes;
using FaqBot.Core.Knowledge;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Generation;

/// <summary>The settings and reads the generation tests share: a host pointed at a
/// <see cref="FakeOpenAIServer"/>, the served knowledge, and the stored trace of a reply.</summary>
internal static class GenerationHosts
{
    public const string ChatModel = "fake-chat";

    public const string EmbeddingModel = "fake-embed";

    public const string DriveHome = "Can I drive myself home after my infusion?";

    /// <summary>A host whose chat model is the fake server's; the safety classifier is off unless
    /// a test turns it on again.</summary>
    public static FaqBotFactory PointedAt(FakeOpenAIServer server) => PointedAt(server.BaseUrl);

    public static FaqBotFactory PointedAt(string baseUrl) => new FaqBotFactory()
        .With("Ai:Provider", "OpenAICompatible")
        .With("Ai:BaseUrl", baseUrl)
        .With("Ai:ChatModel", ChatModel)
        .With("Ai:SafetyClassifier", "false");

    public static KnowledgeBase Knowledge(this FaqBotFactory factory) => factory.Services.GetRequiredService<KnowledgeHolder>().Current;

    public static Snippet Snippet(this FaqBotFactory factory, string id) => factory.Knowledge().Snippets.Single(s => s.Id == id);

    /// <summary>The stored trace of the turn that <paramref name="reply"/> answered.</summary>
    public static async Task<JsonObject> StoredTraceAsync(this FaqBotFactory factory, DirectLineClient client, JsonObject reply)
    {
        var stored = await factory.Services.GetRequiredService<ITranscriptStore>().GetAsync(client.ConversationId, CancellationToken.None);
        var turn = Assert.Single(stored!.Turns, t => t.Summary.InboundActivityId == (string?)reply["replyToId"]);
        return JsonNode.Parse(turn.Summary.TraceJson)!.AsObject();
    }

    /// <summary>The stored generation's verdict, or null when the turn has no generation.</summary>
    public static string? Verdict(this JsonObject trace) => (string?)trace["generation"]?["verdict"];

    /// <summary>Asserts that <paramref name="reply"/> is the snippet's extractive answer: its body
    /// verbatim, with nothing that says a model worded it.</summary>
    public static void AssertExtractive(this FaqBotFactory factory, JsonObject reply, string snippetId)
    {
        var text = (string)reply["text"]!;
        Assert.StartsWith(factory.Snippet(snippetId).Body.Trim(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Knowledge().Replies[Core.Replies.ReplyIds.AiGenerated].Text, text, StringComparison.Ordinal);
        Assert.DoesNotContain("AIGeneratedContent", DirectLineClient.Json(reply), StringComparison.Ordinal);
    }
}
