namespace FaqBot.Fuzz;

/// <summary>One ordinary request to each endpoint before anything is timed or measured: pages are
/// compiled and code is jitted on first use, which is the host starting, not a slow response.</summary>
internal static class Warmup
{
    private static readonly string[] Pages =
    [
        "/", "/chat.js", "/health", "/account", "/review", "/review/export.csv", "/handoffs", "/unanswered", "/knowledge",
        "/knowledge/lint", "/knowledge/try?q=can+I+drive+home", "/knowledge/edit", "/admin/users", "/admin/audit",
    ];

    public static async Task RunAsync(FuzzClient client, FuzzContext context, CancellationToken cancellationToken)
    {
        var admin = context.Sessions[0];
        var snippet = context.SnippetIds[0];
        foreach (var page in Pages.Concat([$"/knowledge/snippets/{snippet}", $"/knowledge/snippets/{snippet}/history", $"/knowledge/edit/{snippet}"]))
        {
            await client.SendAsync(FuzzRequest.Get(page, "warm-up", page).As(admin), cancellationToken);
        }

        var conversation = context.Conversation(new Random(0));
        var activities = $"/v3/directline/conversations/{conversation.Id}/activities";
        foreach (var question in new[] { "Can I drive home after my infusion?", "i keep thinking about suicide", string.Concat(Enumerable.Repeat("how long does the infusion take ", 150)) })
        {
            await client.SendAsync(
                FuzzRequest.Json("/v3/directline/conversations/{id}/activities", "warm-up", "POST", activities, $"{{\"type\":\"message\",\"text\":\"{question}\"}}")
                    .WithHeader("Authorization", "Bearer " + conversation.Token),
                cancellationToken);
        }

        await client.SendAsync(FuzzRequest.Get("/v3/directline/conversations/{id}/activities", "warm-up", activities).WithHeader("Authorization", "Bearer " + conversation.Token), cancellationToken);
        await client.SendAsync(FuzzRequest.Get("/review/conversation", "warm-up", "/review/conversation?id=" + conversation.Id).As(admin), cancellationToken);
        await client.SendAsync(
            FuzzRequest.Json("/api/messages", "warm-up", "POST", "/api/messages",
                $"{{\"type\":\"message\",\"id\":\"warm-up\",\"serviceUrl\":\"{context.ServiceUrl}\",\"channelId\":\"emulator\",\"conversation\":{{\"id\":\"warm-up\"}},\"from\":{{\"id\":\"u\"}},\"text\":\"hello\"}}"),
            cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
    }
}
