namespace FaqBot.Core.Replies;

/// <summary>A fixed reply, approved and versioned like a snippet, with clinic details filled in.</summary>
public sealed record ApprovedReply(string Id, int Version, string Text)
{
    /// <summary>Fills the placeholders known only when the reply is sent, such as <c>{{limit}}</c>.</summary>
    public string Render(string name, string value) => Text.Replace("{{" + name + "}}", value, StringComparison.Ordinal);
}
