namespace FaqBot.Core.Answering;

/// <summary>What the bot remembers of a conversation that changes how it answers the next message.</summary>
/// <param name="EarlierUrgent">An earlier message was urgent: every later reply repeats the crisis
/// resources first, whatever the new message asks.</param>
public sealed record ConversationContext(bool EarlierUrgent)
{
    public static ConversationContext None { get; } = new(EarlierUrgent: false);
}
