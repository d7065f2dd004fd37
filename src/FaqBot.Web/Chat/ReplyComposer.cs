using System.Text;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Schema;
using FaqBot.Core.Answering;

namespace FaqBot.Web.Chat;

/// <summary>Turns an <see cref="Answer"/> into the message Web Chat renders: Markdown text with a
/// numbered marker and reference-style link definitions for each citation, a schema.org Message
/// entity whose Claims show the snippet's source, and suggested actions for clarification
/// choices or related questions. A generated answer already carries its markers, sentence by
/// sentence; its Message entity says it is AI-generated (the <c>AIGeneratedContent</c> keyword
/// Web Chat reads, and the <c>additionalType</c> Teams reads).</summary>
public static class ReplyComposer
{
    /// <param name="answer">The bot's answer.</param>
    /// <param name="feedbackFor">The id of the message answered; when given, an answer offers
    /// thumbs up and down (see <see cref="AnswerFeedback"/>).</param>
    public static Activity Compose(Answer answer, string? feedbackFor = null)
    {
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            TextFormat = TextFormats.Markdown,
            Text = answer.Text,
            InputHint = answer.Outcome == AnswerOutcome.Clarify ? InputHints.ExpectingInput : InputHints.AcceptingInput,
        };

        if (answer.Citations.Count > 0)
        {
            reply.Text = WithReferences(answer.Text, answer.Citations, markersInText: answer.Generated);
            var entity = MessageEntity(answer.Citations, answer.Generated);
            if (answer.Outcome == AnswerOutcome.Answered && !string.IsNullOrEmpty(feedbackFor))
            {
                entity["potentialAction"] = AnswerFeedback.Actions(feedbackFor);
            }

            reply.Entities = [entity];
        }

        var choices = answer.Outcome switch
        {
            AnswerOutcome.Clarify => answer.Suggestions,
            AnswerOutcome.Answered => answer.Related,
            _ => [],
        };
        if (choices.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(c => CardAction.ImBack(c, c))] };
        }

        return reply;
    }

    /// <summary>The citation's label as the reference list shows it: source document and section.</summary>
    public static string Label(Citation citation) =>
        string.IsNullOrWhiteSpace(citation.Section) ? citation.Source : $"{citation.Source}, {citation.Section}";

    /// <summary>The keyword that marks a message as AI-generated.</summary>
    public const string AIGeneratedContent = "AIGeneratedContent";

    private static string WithReferences(string text, IReadOnlyList<Citation> citations, bool markersInText)
    {
        // Markers are separated by spaces: "[1][2]" would read as one link labelled 1 to reference 2.
        var builder = new StringBuilder(text.TrimEnd());
        if (!markersInText)
        {
            for (var i = 1; i <= citations.Count; i++)
            {
                builder.Append(" [").Append(i).Append(']');
            }
        }

        builder.Append("\n\n");
        for (var i = 0; i < citations.Count; i++)
        {
            var citation = citations[i];
            var target = citation.Url is { Length: > 0 } url && Uri.IsWellFormedUriString(url, UriKind.Absolute) ? url : $"cite:{i + 1}";
            builder.Append('[').Append(i + 1).Append("]: ").Append(target)
                .Append(" \"").Append(Label(citation).Replace("\"", "'", StringComparison.Ordinal)).Append("\"\n");
        }

        return builder.ToString().TrimEnd();
    }

    private static JsonObject MessageEntity(IReadOnlyList<Citation> citations, bool generated)
    {
        var claims = new JsonArray();
        for (var i = 0; i < citations.Count; i++)
        {
            var c = citations[i];
            var document = new JsonObject
            {
                ["@type"] = "DigitalDocument",
                ["name"] = Label(c),
                ["abstract"] = $"Approved answer \"{c.Title}\" (version {c.SnippetVersion}), from {c.Source}.",
                ["text"] = (generated
                        ? $"This answer was worded by an AI model from the clinic-approved snippet \"{c.Title}\" (id {c.SnippetId}, version {c.SnippetVersion}) and checked against it before it was sent. "
                        : $"This answer is the clinic-approved snippet \"{c.Title}\" (id {c.SnippetId}, version {c.SnippetVersion}). ")
                    + $"Its source is the clinic document \"{c.Source}\"" + (string.IsNullOrWhiteSpace(c.Section) ? "." : $", section \"{c.Section}\"."),
            };
            if (c.Url is { Length: > 0 } url && Uri.IsWellFormedUriString(url, UriKind.Absolute))
            {
                document["url"] = url;
            }

            claims.Add(new JsonObject
            {
                ["@type"] = "Claim",
                ["position"] = i + 1,
                ["appearance"] = document,
            });
        }

        var entity = new JsonObject
        {
            ["type"] = "https://schema.org/Message",
            ["@context"] = "https://schema.org",
            ["@id"] = "",
            ["@type"] = "Message",
            ["citation"] = claims,
        };
        if (generated)
        {
            entity["keywords"] = new JsonArray(AIGeneratedContent);
            entity["additionalType"] = new JsonArray(AIGeneratedContent);
        }

        return entity;
    }
}
