using FaqBot.Core.Configuration;
using FaqBot.Core.Generation;
using FaqBot.Core.Handoff;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Privacy;
using FaqBot.Core.Replies;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Safety;
using FaqBot.Core.Safety.Semantic;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Answering;

/// <summary>
/// One message in, one <see cref="Answer"/> out: the safety gate first (on the whole message),
/// then input limits, small talk, retrieval over approved snippets, the decision, and the
/// extractive answer (the snippet verbatim with its citations), or, when a generator is
/// configured, a generated answer that passed verification (the extractive answer otherwise).
/// Declines and unanswered questions are handed to staff through <see cref="IHandoffSink"/>.
/// </summary>
public sealed class Answerer(
    KnowledgeHolder knowledge,
    IOptions<RetrievalOptions> retrievalOptions,
    IOptions<InputOptions> inputOptions,
    TimeProvider time,
    IHandoffSink handoff,
    SemanticRanker? semantic = null,
    ModelSafetyClassifier? classifier = null,
    AnswerGenerator? generator = null,
    SemanticSafetyLayer? semanticSafety = null)
{
    private readonly RetrievalOptions _retrieval = retrievalOptions.Value;
    private readonly InputOptions _input = inputOptions.Value;

    public ValueTask<Answer> AskAsync(string? message, CancellationToken cancellationToken = default) =>
        AskAsync(message, ConversationContext.None, cancellationToken);

    /// <summary>Answers a message within a conversation: once an earlier message was urgent, every
    /// reply that is not itself the urgent reply starts with the crisis resources.</summary>
    public async ValueTask<Answer> AskAsync(string? message, ConversationContext context, CancellationToken cancellationToken = default)
    {
        var answer = await AnswerAsync(message, cancellationToken);
        if (!context.EarlierUrgent || answer.Category == SafetyCategory.Urgent)
        {
            return answer;
        }

        var reminder = knowledge.Current.Replies[ReplyIds.UrgentReminder];
        return answer with
        {
            Text = reminder.Text + Environment.NewLine + Environment.NewLine + answer.Text,
            Trace = answer.Trace with { Decision = answer.Trace.Decision + $"; crisis resources repeated first (urgent earlier in the conversation, reply {reminder.Id} v{reminder.Version})" },
        };
    }

    private async ValueTask<Answer> AnswerAsync(string? message, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var kb = knowledge.Current;
        if (string.IsNullOrWhiteSpace(message))
        {
            return Reply(kb, AnswerOutcome.Invalid, ReplyIds.InvalidEmpty, "invalid: the message is empty", started);
        }

        var (triage, modelNote) = await TriageAsync(kb, message, cancellationToken);
        if (triage.Category is { } category)
        {
            var reply = kb.Replies[triage.ReplyId!];
            var rules = triage.FiredRuleIds.ToList();
            var declineTrace = AnswerTrace.ForReply($"declined: {category.ToString().ToLowerInvariant()} (rules {string.Join(", ", rules)}){modelNote}", reply.Id, reply.Version,
                new TraceTimings(time.GetElapsedTime(started).TotalMicroseconds, 0)) with { Safety = triage.Hits };
            await handoff.RecordAsync(new HandoffItem(ContractNames.Category(category)!, rules, message, time.GetUtcNow(), reply.Id), cancellationToken);
            return new Answer(AnswerOutcome.Declined, category, reply.Text, [], [], 0.0, declineTrace);
        }

        if (message.Length > _input.MaxQuestionLength)
        {
            return Reply(kb, AnswerOutcome.Invalid, ReplyIds.InvalidTooLong,
                $"invalid: {message.Length} characters, above the limit of {_input.MaxQuestionLength}", started,
                ("limit", _input.MaxQuestionLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        // A clause that only denied a risk is not part of the question.
        var question = triage.QuestionWithoutDenials is { Length: > 0 } rest ? rest : message;
        var smallTalk = kb.SmallTalk.Detect(question);
        if (smallTalk is not null)
        {
            return Reply(kb, AnswerOutcome.SmallTalk, smallTalk.ReplyId, $"small talk: {smallTalk.Id}", started);
        }

        var retrievalStarted = time.GetTimestamp();
        var today = time.Today();
        var scoring = new RetrievalScoring(_retrieval.QuestionCoverageExponent, _retrieval.SupportWeight);
        question = WithoutPersonalDetails(question);
        var result = kb.Index.Search(question, today, scoring, _retrieval.MaxCandidates);
        var candidates = result.Candidates;
        var semanticNote = "";
        if (semantic is not null)
        {
            (candidates, semanticNote) = await RerankAsync(kb, question, candidates, today, cancellationToken);
        }

        var retrievalMicroseconds = time.GetElapsedTime(retrievalStarted).TotalMicroseconds;
        var decision = Decision.Make(candidates, _retrieval);
        var trace = new AnswerTrace(
            decision.Kind.ToString().ToLowerInvariant() + ": " + decision.Reason + semanticNote,
            result.Terms,
            [.. candidates.Select(c => new TraceCandidate(c.Snippet.Id, c.Snippet.Version, c.Confidence, c.MatchedQuestion, c.Lexical, c.Semantic))],
            null,
            null,
            new TraceTimings(time.GetElapsedTime(started).TotalMicroseconds, retrievalMicroseconds));
        trace = trace with { Safety = triage.Hits, Decision = trace.Decision + modelNote };
        var confidence = candidates.Count > 0 ? candidates[0].Confidence : 0.0;
        switch (decision.Kind)
        {
            case DecisionKind.Answer:
                var extractive = Extractive(kb, decision.Chosen[0], trace) with
                {
                    Related = RelatedQuestions.For(kb, decision.Chosen[0].Snippet, candidates, _retrieval.MinConfidence, today, _retrieval.MaxSuggestions),
                };
                return generator is null ? extractive : await GeneratedAsync(kb, question, decision.Chosen[0].Snippet, extractive, candidates, started, cancellationToken);
            case DecisionKind.Clarify:
                return Clarify(kb, decision.Chosen, confidence, trace);
            default:
                await handoff.RecordAsync(new HandoffItem(HandoffItem.NoAnswer, [], message, time.GetUtcNow(), ReplyIds.NoAnswer), cancellationToken);
                return WithReply(kb, AnswerOutcome.Unanswered, ReplyIds.NoAnswer, confidence, trace);
        }
    }

    /// <summary>The rules' verdict, raised (never lowered) by the semantic layer, then by the optional model.</summary>
    private async Task<(TriageResult Triage, string Note)> TriageAsync(KnowledgeBase kb, string message, CancellationToken cancellationToken)
    {
        var triage = kb.Safety.Triage(message);
        var note = "";
        if (semanticSafety is not null && triage.Category != SafetyCategory.Urgent)
        {
            SemanticVerdict semantic;
            try
            {
                semantic = await semanticSafety.ClassifyAsync(kb, message, triage, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The rules' verdict stands; the trace says the layer could not judge.
                semantic = new SemanticVerdict(null, "", [], $"semantic: {ex.GetType().Name}, rules decided");
            }

            note = "; " + semantic.Note;
            if (semantic.Category is { } reached && (triage.Category is not { } ruled || ruled < reached))
            {
                var hit = new RuleHit(SemanticSafetyLayer.RulePrefix + reached.ToString().ToLowerInvariant(), reached, semantic.Piece, Denied: false) { Nearest = semantic.Nearest };
                triage = new TriageResult(reached, reached.ToString().ToLowerInvariant(), [.. triage.Hits, hit]);
                note += ", raised the category";
            }
        }

        if (classifier is null || triage.Category == SafetyCategory.Urgent)
        {
            return (triage, note); // nothing the model says could raise it further
        }

        var verdict = await classifier.ClassifyAsync(message, cancellationToken);
        note += $"; {verdict.Note} (prompt {classifier.PromptName})";
        if (verdict.Category is not { } raised || triage.Category is { } before && before >= raised)
        {
            return (triage, note);
        }

        var modelHit = new RuleHit(ModelSafetyClassifier.RuleId, raised, "(whole message)", Denied: false);
        return (new TriageResult(raised, raised.ToString().ToLowerInvariant(), [.. triage.Hits, modelHit]), note + ", raised the category");
    }

    private static Answer Extractive(KnowledgeBase kb, Candidate chosen, AnswerTrace trace) =>
        new(AnswerOutcome.Answered, null, chosen.Snippet.Body, [.. Citation.Of(chosen.Snippet, kb)], [], chosen.Confidence, trace);

    /// <summary>The generated answer if it passed verification, else the extractive one; either
    /// way the trace carries the generation, and the turn's time includes the model's. The model
    /// is shown the chosen snippet first, then other candidates above the threshold.</summary>
    private async Task<Answer> GeneratedAsync(
        KnowledgeBase kb, string question, Snippet chosen, Answer extractive, IReadOnlyList<Candidate> candidates, long started, CancellationToken cancellationToken)
    {
        var given = candidates
            .Where(c => c.Confidence >= _retrieval.MinConfidence)
            .Select(c => c.Snippet)
            .Prepend(chosen)
            .DistinctBy(s => s.Id)
            .Take(generator!.MaxSnippets)
            .ToList();
        var generated = await generator.GenerateAsync(question, given, kb.Safety, cancellationToken);
        var note = generated.Sent
            ? $"; generated answer sent ({generated.Trace.Reason})"
            : $"; generated answer not sent ({generated.Trace.Verdict.ToString().ToLowerInvariant()}: {generated.Trace.Reason}), approved answer sent";
        var trace = extractive.Trace with
        {
            Generation = generated.Trace,
            Decision = extractive.Trace.Decision + note,
            Timings = extractive.Trace.Timings with { TotalMicroseconds = time.GetElapsedTime(started).TotalMicroseconds },
        };
        if (!generated.Sent)
        {
            return extractive with { Trace = trace };
        }

        var (text, citations) = GeneratedText.Compose(kb, given, generated.Sentences);
        var label = kb.Replies[ReplyIds.AiGenerated];
        return extractive with
        {
            Text = text + Environment.NewLine + Environment.NewLine + label.Text,
            Citations = citations,
            Trace = trace,
        };
    }

    private static Answer Clarify(KnowledgeBase kb, IReadOnlyList<Candidate> chosen, double confidence, AnswerTrace trace)
    {
        var reply = kb.Replies[ReplyIds.Clarify];
        var titles = chosen.Select(c => c.Snippet.Title).ToList();
        var text = reply.Text + Environment.NewLine + string.Concat(titles.Select(t => Environment.NewLine + "- " + t));
        return new Answer(AnswerOutcome.Clarify, null, text, [], titles, confidence, trace with { ReplyId = reply.Id, ReplyVersion = reply.Version });
    }

    private static Answer WithReply(KnowledgeBase kb, AnswerOutcome outcome, string replyId, double confidence, AnswerTrace trace)
    {
        var reply = kb.Replies[replyId];
        return new Answer(outcome, null, reply.Text, [], [], confidence, trace with { ReplyId = reply.Id, ReplyVersion = reply.Version });
    }

    private Answer Reply(KnowledgeBase kb, AnswerOutcome outcome, string replyId, string decision, long started, (string Name, string Value)? fill = null)
    {
        var reply = kb.Replies[replyId];
        var text = fill is { } f ? reply.Render(f.Name, f.Value) : reply.Text;
        var trace = AnswerTrace.ForReply(decision, reply.Id, reply.Version, new TraceTimings(time.GetElapsedTime(started).TotalMicroseconds, 0));
        return new Answer(outcome, null, text, [], [], 0.0, trace);
    }

    private async Task<(IReadOnlyList<Candidate>, string)> RerankAsync(
        KnowledgeBase kb, string message, IReadOnlyList<Candidate> lexical, DateOnly today, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(_retrieval.SemanticTimeoutMilliseconds));
        try
        {
            var fused = await semantic!.RerankAsync(kb, message, lexical, today, _retrieval.SemanticWeight, _retrieval.MaxCandidates, timeout.Token);
            return (fused, "; hybrid ranking (lexical and semantic)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (lexical, $"; semantic ranking unavailable ({ex.GetType().Name}), lexical ranking used");
        }
    }

    /// <summary>A name or a phone number is never what a question is about ("Hi, my name is Ann
    /// Lee, can I drive home after?"): retrieval reads the question without them. The safety
    /// gate has already read the whole message.</summary>
    private static string WithoutPersonalDetails(string question)
    {
        var found = Redactor.Default.Analyze(question);
        if (found.Count == 0 || found.FailedClosed)
        {
            return question;
        }

        var text = found.Text;
        foreach (var kind in found.Kinds.Distinct())
        {
            text = text.Replace(RedactionPlaceholders.For(kind), " ", StringComparison.Ordinal);
        }

        return text;
    }
}
