namespace FaqBot.BotFramework.Schema;

public static class ActivityTypes
{
    public const string Message = "message";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string ConversationUpdate = "conversationUpdate";
    public const string EndOfConversation = "endOfConversation";
    public const string Invoke = "invoke";
}

public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
}

public static class TextFormats
{
    public const string Markdown = "markdown";
    public const string Plain = "plain";
}

/// <summary>The values the SDKs send (the written spec's short forms are not used by clients).</summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string ExpectingInput = "expectingInput";
    public const string IgnoringInput = "ignoringInput";
}
