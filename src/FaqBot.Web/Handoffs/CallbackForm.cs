using System.Text.Json.Nodes;
using FaqBot.BotFramework.Schema;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Replies;

namespace FaqBot.Web.Handoffs;

/// <summary>The callback path as Web Chat shows it: the suggested action that asks for the form,
/// and the form itself, an Adaptive Card (name, phone, e-mail, best time, and a consent checkbox
/// with the approved wording of <c>knowledge/replies/callback-consent.md</c>). The form is always
/// empty: a filled-in copy would put the patient's details into the bot's own messages, which are
/// stored with the transcript.</summary>
public static class CallbackForm
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    /// <summary>"Ask the clinic to call me back": a <c>messageBack</c> whose value asks for the form.</summary>
    public static CardAction Offer(KnowledgeBase knowledge)
    {
        var label = knowledge.Replies[ReplyIds.CallbackOffer].Text.Trim();
        return new CardAction
        {
            Type = "messageBack",
            Title = label,
            DisplayText = label,
            Value = new JsonObject { ["action"] = CallbackRequest.FormAction },
        };
    }

    /// <summary>A message with the form; <paramref name="text"/> above it (the form's own
    /// introduction, or what was wrong with the last one).</summary>
    public static Activity Message(KnowledgeBase knowledge, string text) => new()
    {
        Type = ActivityTypes.Message,
        TextFormat = TextFormats.Markdown,
        Text = text,
        InputHint = InputHints.ExpectingInput,
        Attachments = [new Attachment { ContentType = AdaptiveCardType, Content = Card(knowledge) }],
    };

    /// <summary>The Adaptive Card (schema 1.5, which Web Chat 4.18 renders).</summary>
    public static JsonObject Card(KnowledgeBase knowledge) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray(
            Input("name", "Your name", CallbackRequest.MaxName, required: true, "Please enter your name."),
            Input("phone", "Phone number", CallbackRequest.MaxPhone, style: "Tel"),
            Input("email", "E-mail address", CallbackRequest.MaxEmail, style: "Email"),
            Input("bestTime", "Best time to reach you (optional)", CallbackRequest.MaxBestTime, placeholder: "For example: weekday mornings"),
            new JsonObject
            {
                ["type"] = "Input.Toggle",
                ["id"] = "consent",
                ["label"] = "Consent",
                ["title"] = knowledge.Replies[ReplyIds.CallbackConsent].Text.Trim(),
                ["valueOn"] = "true",
                ["valueOff"] = "false",
                ["wrap"] = true,
                ["isRequired"] = true,
                ["errorMessage"] = "Please tick the box to agree, or call the clinic instead.",
            }),
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = "Send my request",
            ["data"] = new JsonObject { ["action"] = CallbackRequest.SubmitAction },
        }),
    };

    private static JsonObject Input(string id, string label, int maxLength, bool required = false, string? error = null, string? style = null, string? placeholder = null)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = id,
            ["label"] = label,
            ["maxLength"] = maxLength,
        };
        if (required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = error;
        }

        if (style is not null)
        {
            input["style"] = style;
        }

        if (placeholder is not null)
        {
            input["placeholder"] = placeholder;
        }

        return input;
    }
}
