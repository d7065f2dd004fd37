using System.Text;
using FaqBot.Core.Ai;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Safety;
using Microsoft.Extensions.AI;

namespace FaqBot.Core.Generation;

/// <summary>What the generator needs besides its collaborators: the model's name for traces, the
/// time limit, the output limit, how many snippets to show and the clinic's name for the prompt.</summary>
public sealed record GenerationSettings(string Model, TimeSpan TimeLimit, int MaxOutputTokens, int MaxSnippets, string ClinicName);

/// <summary>A generation's outcome: its trace, and when the verdict is
/// <see cref="GenerationVerdict.Sent"/>, the verified sentences to send (read from the trace).</summary>
public sealed record GeneratedAnswer(GenerationTrace Trace)
{
    public bool Sent => Trace.Verdict == GenerationVerdict.Sent;

    public IReadOnlyList<GeneratedSentence> Sentences =>
        Sent ? [.. Trace.Sentences.Select(s => new GeneratedSentence(s.Text, s.Cites))] : [];
}

/// <summary>
/// Asks the chat model to word an answer from the retrieved approved snippets, numbered [1], [2]
/// ... in the rendered prompt, and verifies it before anything is sent. The prompt (instructions
/// and approved snippets) is the system message; the patient's question goes alone in the user
/// message, as data. A time-out, an error, the not-found marker or any unverified sentence gives a
/// verdict other than <see cref="GenerationVerdict.Sent"/>, and the caller sends the extractive
/// answer.
/// </summary>
public sealed class AnswerGenerator(IChatClient chat, PromptDirectory prompt, AnswerVerifier verifier, GenerationSettings settings, TimeProvider time)
{
    /// <summary>What the prompt tells the model to reply when the snippets do not answer the question.</summary>
    public const string NotFoundMarker = "INFO NOT FOUND";

    public string PromptVersion => prompt.Version;

    /// <summary>Most approved snippets shown to the model.</summary>
    public int MaxSnippets => settings.MaxSnippets;

    public async Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<Snippet> snippets, SafetyGate safety, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var ids = snippets.Select(s => $"{s.Id} v{s.Version}").ToList();
        GeneratedAnswer Outcome(string raw, GenerationVerdict verdict, string reason, IReadOnlyList<SentenceCheck> checks) =>
            new(new GenerationTrace(settings.Model, prompt.Version, ids, raw, verdict, reason, checks, Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 1)));

        var instructions = await prompt.RenderAsync(new Dictionary<string, object?>
        {
            ["clinicName"] = settings.ClinicName,
            ["snippets"] = Numbered(snippets),
            ["notFound"] = NotFoundMarker,
        }, cancellationToken);
        var options = new ChatOptions { Temperature = 0, MaxOutputTokens = settings.MaxOutputTokens };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.TimeLimit);
        string raw;
        try
        {
            var response = await chat.GetResponseAsync(
                [new ChatMessage(ChatRole.System, instructions), new ChatMessage(ChatRole.User, question)], options, timeout.Token);
            raw = response.Text ?? "";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Outcome("", GenerationVerdict.TimedOut, $"no reply within {settings.TimeLimit.TotalMilliseconds:0} ms", []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Outcome("", GenerationVerdict.Failed, $"{ex.GetType().Name}: {OneLine(ex.Message)}", []);
        }

        if (raw.Contains(NotFoundMarker, StringComparison.OrdinalIgnoreCase))
        {
            return Outcome(raw, GenerationVerdict.NotFound, "the model found no answer in the snippets", []);
        }

        cancellationToken.ThrowIfCancellationRequested();
        Verification verification;
        try
        {
            verification = verifier.Verify(raw, snippets, safety);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A reply the verifier cannot read is not sent, whatever the reason.
            return Outcome(raw, GenerationVerdict.Unverified, $"the verifier could not read the reply ({ex.GetType().Name})", []);
        }

        return verification.Accepted
            ? Outcome(raw, GenerationVerdict.Sent, $"all {verification.Sentences.Count} sentences cite and are supported by the snippets", verification.Sentences)
            : Outcome(raw, GenerationVerdict.Unverified, verification.Problem!, verification.Sentences);
    }

    /// <summary>The snippets as the prompt shows them: "[n] Title" then the approved answer.</summary>
    public static string Numbered(IReadOnlyList<Snippet> snippets)
    {
        var text = new StringBuilder();
        for (var i = 0; i < snippets.Count; i++)
        {
            text.Append('[').Append(i + 1).Append("] ").Append(snippets[i].Title).Append('\n').Append(snippets[i].Body.Trim()).Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The error's message on one line, at most 300 characters.</summary>
    private static string OneLine(string message)
    {
        var line = string.Join(' ', message.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 300 ? line : line[..300] + "...";
    }
}
