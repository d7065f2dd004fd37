using System.Text.Json;

namespace FaqBot.Fuzz;

/// <summary>A Direct Line conversation opened the way the clinic page opens one.</summary>
internal sealed record Conversation(string Id, string Token, string UserId)
{
    public int Messages { get; set; }
}

/// <summary>What the generators build on, made ready before each case: Direct Line conversations
/// (a few open at a time, each replaced after a hundred uses, so chats are started all along), the staff
/// sessions, the Direct Line secret, the stand-in Connector service, and ids that exist on the host.
/// Generators only read it; set-up requests go through the same client and checks as the rest.</summary>
internal sealed class FuzzContext(FuzzClient client, string directLineSecret, string serviceUrl, IReadOnlyList<StaffSession> sessions, IReadOnlyList<string> snippetIds)
{
    private const int OpenConversations = 4;
    private const int MessagesPerConversation = 100;
    private const int RememberedConversations = 32;

    private readonly List<Conversation> _open = [];
    private readonly List<string> _seen = [];

    public string DirectLineSecret => directLineSecret;

    public string ServiceUrl => serviceUrl;

    public IReadOnlyList<string> SnippetIds => snippetIds;

    public IReadOnlyList<StaffSession> Sessions => sessions;

    /// <summary>Someone with the sign-in form open, never signed in.</summary>
    public StaffSession? Visitor { get; private set; }

    /// <summary>Ids of conversations the host has seen lately (their transcripts exist).</summary>
    public IReadOnlyList<string> ConversationIds => _seen;

    /// <summary>Opens conversations up to the pool size and signs sessions in again where needed.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _open.RemoveAll(c => c.Messages >= MessagesPerConversation);
        while (_open.Count < OpenConversations)
        {
            _open.Add(await OpenAsync(cancellationToken));
        }

        foreach (var session in sessions)
        {
            await session.EnsureSignedInAsync(client, cancellationToken);
        }

        Visitor ??= await StaffSession.VisitorAsync(client, cancellationToken);
    }

    /// <summary>A conversation to post to; counts the message against it.</summary>
    public Conversation Conversation(Random random)
    {
        var conversation = _open[random.Next(_open.Count)];
        conversation.Messages++;
        return conversation;
    }

    /// <summary>A signed-in session, or null (anonymous) when none could sign in.</summary>
    public StaffSession? Session(Random random)
    {
        var ready = sessions.Where(s => s.SignedIn).ToList();
        return ready.Count == 0 ? null : ready[random.Next(ready.Count)];
    }

    private async Task<Conversation> OpenAsync(CancellationToken cancellationToken)
    {
        var issued = await client.SendAsync(new FuzzRequest("/api/chat-token", "set-up: a new chat", "POST", "/api/chat-token"), cancellationToken);
        if (issued.Status != 200)
        {
            throw new InvalidOperationException($"/api/chat-token answered {issued.Status} {issued.Error}; cannot open a conversation.");
        }

        using var json = JsonDocument.Parse(issued.Body);
        var conversation = new Conversation(
            json.RootElement.GetProperty("conversationId").GetString()!,
            json.RootElement.GetProperty("token").GetString()!,
            json.RootElement.GetProperty("userId").GetString()!);
        await client.SendAsync(
            FuzzRequest.Json("/v3/directline/conversations", "set-up: start the chat", "POST", "/v3/directline/conversations", "{}")
                .WithHeader("Authorization", "Bearer " + conversation.Token),
            cancellationToken);
        _seen.Add(conversation.Id);
        if (_seen.Count > RememberedConversations)
        {
            _seen.RemoveAt(0);
        }

        return conversation;
    }
}
