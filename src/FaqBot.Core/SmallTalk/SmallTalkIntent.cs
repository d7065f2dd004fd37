namespace FaqBot.Core.SmallTalk;

/// <summary>One kind of small talk and the fixed reply it gets: the words that make a message this
/// intent by rule, and examples from which the snippet classifier learns it by meaning.</summary>
public sealed record SmallTalkIntent(string Id, string ReplyId, IReadOnlySet<string> Keywords, IReadOnlySet<string> Fillers)
{
    public IReadOnlyList<string> Examples { get; init; } = [];
}
