namespace FaqBot.Core.Replies;

/// <summary>The fixed replies the bot needs; each is a file <c>knowledge/replies/{id}.md</c>.</summary>
public static class ReplyIds
{
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string Goodbye = "goodbye";
    public const string Identity = "identity";
    public const string NoAnswer = "no-answer";
    public const string Clarify = "clarify";
    public const string InvalidEmpty = "invalid-empty";
    public const string InvalidTooLong = "invalid-too-long";
    public const string Urgent = "urgent";
    public const string Dosing = "dosing";
    public const string Diagnostic = "diagnostic";

    /// <summary>The first message of a chat: what the assistant is and is not for.</summary>
    public const string Welcome = "welcome";

    /// <summary>Put before every reply once a conversation has had an urgent message.</summary>
    public const string UrgentReminder = "urgent-reminder";

    /// <summary>Sent when the bot fails while handling a message.</summary>
    public const string TurnError = "error";

    /// <summary>Ends every generated answer: says an AI model worded it from the cited approved answers.</summary>
    public const string AiGenerated = "ai-generated";

    /// <summary>The label of the suggested action that asks for the callback form.</summary>
    public const string CallbackOffer = "callback-offer";

    /// <summary>What the callback form says above its fields.</summary>
    public const string CallbackForm = "callback-form";

    /// <summary>The approved consent wording beside the form's checkbox; its version is stored with the contact.</summary>
    public const string CallbackConsent = "callback-consent";

    /// <summary>Sent once a callback request is stored: the clinic's hours and what happens next.</summary>
    public const string CallbackConfirmed = "callback-confirmed";

    /// <summary>Sent with the form again when a field is missing or wrong, or consent was not given ({{problems}}).</summary>
    public const string CallbackInvalid = "callback-invalid";

    /// <summary>Sent when a staff member joins a chat ({{staff}}: their first name and role).</summary>
    public const string LiveJoined = "live-joined";

    /// <summary>Sent when a staff member hands the chat back to the assistant.</summary>
    public const string LiveLeft = "live-left";

    /// <summary>Sent with the callback form outside the opening hours ({{opens}}: when staff are back).</summary>
    public const string ClinicClosed = "clinic-closed";

    public static IReadOnlyList<string> Required { get; } =
        [Greeting, Thanks, Goodbye, Identity, NoAnswer, Clarify, InvalidEmpty, InvalidTooLong, Urgent, Dosing, Diagnostic,
         Welcome, UrgentReminder, TurnError, AiGenerated, CallbackOffer, CallbackForm, CallbackConsent, CallbackConfirmed, CallbackInvalid,
         LiveJoined, LiveLeft, ClinicClosed];
}
