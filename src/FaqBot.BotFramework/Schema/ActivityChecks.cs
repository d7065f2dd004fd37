namespace FaqBot.BotFramework.Schema;

/// <summary>What every channel refuses in an activity it receives, before any turn sees it: ids
/// (and the type, channel and service URL) longer than a channel ever sends, since they are
/// stored, shown to reviewers and logged; and null items in its arrays, which a turn would read
/// as members, attachments, entities or actions.</summary>
public static class ActivityChecks
{
    /// <summary>The longest id accepted: conversation, activity, user, bot and channel ids (Teams'
    /// longest are under 200 characters).</summary>
    public const int MaxIdLength = 512;

    public const int MaxServiceUrlLength = 2048;

    /// <summary>Why the activity is refused, or null when it is acceptable.</summary>
    public static string? Problem(Activity activity) =>
        TooLong("type", activity.Type)
        ?? TooLong("id", activity.Id)
        ?? TooLong("channelId", activity.ChannelId)
        ?? TooLong("conversation.id", activity.Conversation?.Id)
        ?? TooLong("from.id", activity.From?.Id)
        ?? TooLong("recipient.id", activity.Recipient?.Id)
        ?? TooLong("replyToId", activity.ReplyToId)
        ?? TooLong("serviceUrl", activity.ServiceUrl, MaxServiceUrlLength)
        ?? Members("membersAdded", activity.MembersAdded)
        ?? Members("membersRemoved", activity.MembersRemoved)
        ?? NullItem("attachments", activity.Attachments)
        ?? NullItem("entities", activity.Entities)
        ?? NullItem("suggestedActions.actions", activity.SuggestedActions?.Actions)
        ?? NullItem("suggestedActions.to", activity.SuggestedActions?.To);

    private static string? TooLong(string field, string? value, int max = MaxIdLength) =>
        value is { Length: var length } && length > max ? $"{field} is longer than {max} characters." : null;

    private static string? Members(string field, List<ChannelAccount>? members)
    {
        if (members is null)
        {
            return null;
        }

        if (NullItem(field, members) is { } problem)
        {
            return problem;
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (TooLong($"{field}[{i}].id", members[i].Id) is { } tooLong)
            {
                return tooLong;
            }
        }

        return null;
    }

    private static string? NullItem<T>(string field, List<T>? items)
    {
        var index = items?.IndexOf(default!) ?? -1;
        return index >= 0 ? $"{field}[{index}] is null; leave the item out instead." : null;
    }
}
