namespace FaqBot.Core.SmallTalk;

/// <summary>One kind of small talk and the fixed reply it gets.</summary>
public sealed record SmallTalkIntent(string Id, string ReplyId, IReadOnlySet<string> Keywords, IReadOnlySet<string> Fillers);
