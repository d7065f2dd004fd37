using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaqBot.Load.Baseline;

public sealed record Account(string Id, string? Name, string Role);

public sealed record Item(
    string Type,
    string Id,
    DateTimeOffset Timestamp,
    string ChannelId,
    Account From,
    Account Recipient,
    string? Text,
    string? TextFormat,
    IReadOnlyList<Citation>? Citations,
    IReadOnlyList<string>? Suggestions);

public sealed record Citation(int Position, string Name, string Abstract);

public sealed record ItemSet(IReadOnlyList<Item> Activities, string Watermark);

/// <summary>A fixed activity set: a user's question, a typing indicator and an answer with
/// citations and suggestions, about as large as what the web host returns for one turn.</summary>
public static class Payload
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static ItemSet Create()
    {
        var user = new Account("u_5d0f9258caff1b6c", null, "user");
        var bot = new Account("faqbot", "Clinic assistant", "bot");
        var stamp = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        const string Conversation = "mCcSpHFHjxlLU15S";
        const string Answer =
            "Please plan for someone else to drive you home. Ketamine can leave you feeling woozy afterwards, so you should not " +
            "drive a car or operate heavy machinery for the rest of the day. Ideally, ask a friend or family member to take you " +
            "to and from the clinic and to go home with you. [1][2][3]\n\n" +
            "[1]: cite:1 \"The Ketamine Infusion Experience, After Infusion Therapy\"\n" +
            "[2]: cite:2 \"Ketamine Infusion Therapy and What to Expect on Your First Session, 3. After Effects\"\n" +
            "[3]: cite:3 \"What to Expect: Your First Ketamine Infusion Session, Immediate After-Effects of Ketamine Infusion\"\n\n" +
            "This answer is the clinic-approved snippet \"Getting home after an infusion\" (id getting-home, version 1). Its source " +
            "is the clinic document \"The Ketamine Infusion Experience\", section \"After Infusion Therapy\". This answer is the " +
            "clinic-approved snippet \"Getting home after an infusion\" (id getting-home, version 1). Its source is the clinic " +
            "document \"Ketamine Infusion Therapy and What to Expect on Your First Session\", section \"3. After Effects\". This " +
            "answer is the clinic-approved snippet \"Getting home after an infusion\" (id getting-home, version 1). Its source is " +
            "the clinic document \"What to Expect: Your First Ketamine Infusion Session\", section \"Immediate After-Effects of " +
            "Ketamine Infusion\".";
        return new ItemSet(
            [
                new Item("message", Conversation + "|0000001", stamp, "directline", user, bot, "Can I drive home after my infusion?", null, null, null),
                new Item("typing", Conversation + "|0000002", stamp.AddMilliseconds(1), "directline", bot, user, null, null, null, null),
                new Item("message", Conversation + "|0000003", stamp.AddMilliseconds(2), "directline", bot, user, Answer, "markdown",
                    [
                        new Citation(1, "The Ketamine Infusion Experience, After Infusion Therapy", "Approved answer \"Getting home after an infusion\" (version 1), from The Ketamine Infusion Experience."),
                        new Citation(2, "Ketamine Infusion Therapy and What to Expect on Your First Session, 3. After Effects", "Approved answer \"Getting home after an infusion\" (version 1), from Ketamine Infusion Therapy and What to Expect on Your First Session."),
                        new Citation(3, "What to Expect: Your First Ketamine Infusion Session, Immediate After-Effects of Ketamine Infusion", "Approved answer \"Getting home after an infusion\" (version 1), from What to Expect: Your First Ketamine Infusion Session."),
                    ],
                    ["How you may feel afterwards", "Resting before you leave"]),
            ],
            "4");
    }
}
