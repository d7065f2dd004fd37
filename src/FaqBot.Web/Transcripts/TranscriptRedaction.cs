using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Schema;
using FaqBot.Core.Answering;
using FaqBot.Core.Privacy;
using FaqBot.Storage.Transcripts;

namespace FaqBot.Web.Transcripts;

/// <summary>What may be stored of a turn. A patient's activity has every string redacted except
/// the protocol's own fields (ids, types, times, addresses); a bot activity is approved text, so
/// only what can carry patient words is redacted (the value and attachments, such as a handoff's
/// transcript). The question and the trace are redacted the same way; the trace keeps only the
/// query terms still visible in the redacted question.</summary>
public sealed class TranscriptRedaction(Redactor redactor)
{
    private static readonly HashSet<string> ProtocolFields = new(StringComparer.Ordinal)
    {
        "id", "type", "timestamp", "localTimestamp", "localTimezone", "channelId", "serviceUrl", "replyToId", "locale",
        "textFormat", "inputHint", "role", "clientActivityID", "clientTimestamp", "@type", "@id", "@context", "contentType",
        "attachmentLayout", "code", "activityId", "aadObjectId",
    };

    private static readonly string[] BotFieldsWithPatientText = ["value", "attachments"];


    /// <summary>The activity's JSON as stored and, for a patient's activity, what redaction made of
    /// its text (the question the turn stores).</summary>
    public (string Json, RedactionResult? Text) Activity(Activity activity, ActivityDirection direction)
    {
        // A submitted callback form's contact details are kept with the handoff item only, never in a transcript.
        activity = Handoffs.CallbackEchoFilter.WithoutContact(activity);
        if (direction == ActivityDirection.Out && activity.Value is null && activity.Attachments is not { Count: > 0 })
        {
            return (JsonSerializer.Serialize(activity, ActivityJson.Options), null); // approved text only: nothing to redact
        }

        var node = JsonSerializer.SerializeToNode(activity, ActivityJson.Options)!.AsObject();
        RedactionResult? text = null;
        if (direction == ActivityDirection.In)
        {
            text = redactor.Analyze(activity.Text);
            if (activity.Text is { Length: > 0 })
            {
                node["text"] = text.Text;
            }

            RedactStrings(node, topLevel: true);
        }
        else
        {
            foreach (var field in BotFieldsWithPatientText)
            {
                if (node[field] is { } value)
                {
                    RedactNode(node, field, value);
                }
            }
        }

        return (node.ToJsonString(ActivityJson.Options), text);
    }

    /// <summary>A staff member's message in a live chat as stored: its sender kept (a staff
    /// member, not a patient), its text redacted like a patient's (staff may repeat a patient's details).</summary>
    public string StaffActivity(Activity activity)
    {
        var node = JsonSerializer.SerializeToNode(activity, ActivityJson.Options)!.AsObject();
        if (activity.Text is { Length: > 0 } text)
        {
            node["text"] = redactor.Redact(text);
        }

        return node.ToJsonString(ActivityJson.Options);
    }

    /// <summary>The trace as JSON for reviewers: safety clauses redacted (a semantic hit also lists
    /// the labelled examples nearest its clause, by id, with their similarity); terms not in the
    /// redacted question (a name, a number) left out.</summary>
    public string Trace(Answer answer, string redactedQuestion)
    {
        var trace = answer.Trace;
        var visible = redactedQuestion.ToLowerInvariant();
        var document = new JsonObject
        {
            ["decision"] = trace.Decision,
            ["handoff"] = trace.Handoff is { } handoff
                ? new JsonObject
                {
                    ["reason"] = handoff.Reason,
                    ["priority"] = HandoffDecision.Name(handoff.Priority),
                    ["rules"] = new JsonArray([.. handoff.RuleIds.Select(id => JsonValue.Create(id))]),
                }
                : null,
            ["replyId"] = trace.ReplyId,
            ["replyVersion"] = trace.ReplyVersion,
            ["timings"] = new JsonObject
            {
                ["totalMicroseconds"] = Math.Round(trace.Timings.TotalMicroseconds, 1),
                ["retrievalMicroseconds"] = Math.Round(trace.Timings.RetrievalMicroseconds, 1),
            },
            ["safety"] = new JsonArray([.. trace.Safety.Select(hit => (JsonNode)new JsonObject
            {
                ["rule"] = hit.RuleId,
                ["category"] = ContractNames.Category(hit.Category),
                ["clause"] = redactor.Redact(hit.Clause),
                ["denied"] = hit.Denied,
                ["nearest"] = hit.Nearest is { } nearest
                    ? new JsonArray([.. nearest.Select(n => (JsonNode)new JsonObject
                    {
                        ["example"] = n.Id,
                        ["category"] = ContractNames.Category(n.Category) ?? "none",
                        ["similarity"] = n.Similarity,
                    })])
                    : null,
            })]),
            ["terms"] = new JsonArray([.. trace.Terms
                .Where(term => visible.Contains(term.CorrectedFrom ?? term.Term, StringComparison.Ordinal))
                .Select(term => (JsonNode)new JsonObject
                {
                    ["term"] = term.Term,
                    ["known"] = term.IsKnown,
                    ["weight"] = Math.Round(term.Weight, 3),
                    ["correctedFrom"] = term.CorrectedFrom,
                })]),
            ["candidates"] = new JsonArray([.. trace.Candidates.Select(c => (JsonNode)new JsonObject
            {
                ["snippet"] = c.SnippetId,
                ["version"] = c.Version,
                ["confidence"] = Math.Round(c.Confidence, 4),
                ["matchedQuestion"] = c.MatchedQuestion,
                ["lexical"] = c.Lexical is { } lexical ? Math.Round(lexical, 4) : null,
                ["semantic"] = c.Semantic is { } semantic ? Math.Round(semantic, 4) : null,
            })]),
        };
        if (trace.Generation is { } generation)
        {
            // The model's output may echo what the patient wrote: it is redacted like the question.
            document["generation"] = new JsonObject
            {
                ["model"] = generation.Model,
                ["prompt"] = generation.Prompt,
                ["snippets"] = new JsonArray([.. generation.Snippets.Select(s => (JsonNode)s)]),
                ["rawOutput"] = redactor.Redact(generation.RawOutput),
                ["verdict"] = generation.Verdict.ToString().ToLowerInvariant(),
                ["reason"] = redactor.Redact(generation.Reason),
                ["milliseconds"] = generation.Milliseconds,
                ["sentences"] = new JsonArray([.. generation.Sentences.Select(c => (JsonNode)new JsonObject
                {
                    ["text"] = redactor.Redact(c.Text),
                    ["cites"] = new JsonArray([.. c.Cites.Select(n => (JsonNode)n)]),
                    ["coverage"] = c.Coverage,
                    ["problem"] = c.Problem is { } problem ? redactor.Redact(problem) : null,
                })]),
            };
        }

        return document.ToJsonString();
    }

    private void RedactStrings(JsonObject node, bool topLevel)
    {
        foreach (var (key, value) in node.ToList())
        {
            // A top-level name is an event's name, not a person's; the top-level text is done already.
            if (value is not null && !ProtocolFields.Contains(key) && !(topLevel && key is "name" or "text"))
            {
                RedactNode(node, key, value);
            }
        }
    }

    private void RedactNode(JsonNode parent, object keyOrIndex, JsonNode value)
    {
        switch (value)
        {
            case JsonObject obj:
                RedactStrings(obj, topLevel: false);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        RedactNode(array, i, item);
                    }
                }

                break;
            case JsonValue scalar when scalar.TryGetValue<string>(out var text):
                var redacted = redactor.Redact(text);
                if (redacted == text)
                {
                    break;
                }

                if (keyOrIndex is int index)
                {
                    parent.AsArray()[index] = redacted;
                }
                else
                {
                    parent.AsObject()[(string)keyOrIndex] = redacted;
                }

                break;
        }
    }
}
