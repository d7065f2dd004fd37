using FaqBot.Core.Configuration;
using FaqBot.Core.Generation;
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
/// Declines and unanswered questions carry the decision to hand them to staff
/// (<see cref="Answer.Handoff"/>); the host derives the queue item and the handoff event from it.
/// </summary>
public sealed class Answerer(
    KnowledgeHolder knowledge,
    IOptions<RetrievalOptions> retrievalOptions,
    IOptions<InputOptions> inputOptions,
    TimeProvider time,
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
        var answer = await AnswerAsync(message, context, cancellationToken);
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

    private async ValueTask<Answer> AnswerAsync(string? message, ConversationContext context, CancellationToken cancellationToken)
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
                new TraceTimings(time.GetElapsedTime(started).TotalMicroseconds, 0)) with { Safety = triage.Hits, Handoff = HandoffDecision.Declined(category, rules, reply.Id) };
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
        var chosen = OfferedChoice(context, question);
        var found = await RetrieveAsync(kb, chosen ?? question, today, cancellationToken);
        var readAs = chosen ?? question;
        var contextNote = chosen is null ? "" : $"; read as the choice \"{chosen}\" offered before";
        if (found.SmallTalk is { } intentId && found.Decision.Kind != DecisionKind.Answer && chosen is null
            && kb.SmallTalk.Intents.FirstOrDefault(i => i.Id == intentId) is { } intent)
        {
            return Reply(kb, AnswerOutcome.SmallTalk, intent.ReplyId,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"small talk: {intent.Id} (by meaning, p {found.SmallTalkProbability:0.00})"), started);
        }

        // A follow-up ("and how long does that take?", "can she drive after?") is read with the
        // question before it when it cannot be answered alone, unless alone it is about something no
        // snippet covers ("and is there parking?"); the pair must pass the safety rules too. Read
        // first, the earlier question would drag a follow-up that asks something new back to the
        // earlier answer.
        if (found.Decision.Kind != DecisionKind.Answer && chosen is null && found.OutOfScope < OutOfScopeAlone
            && context.Topic is { } topic && kb.Safety.Triage(topic + ", " + question).Category is null)
        {
            var withTopic = await RetrieveAsync(kb, topic + ", " + question, today, cancellationToken);
            if (withTopic.Decision.Kind == DecisionKind.Answer)
            {
                (found, readAs, contextNote) = (withTopic, topic + ", " + question, "; read with the previous question (a follow-up)");
            }
        }

        var candidates = found.Candidates;
        var decision = found.Decision;
        var retrievalMicroseconds = time.GetElapsedTime(retrievalStarted).TotalMicroseconds;
        var trace = new AnswerTrace(
            decision.Kind.ToString().ToLowerInvariant() + ": " + decision.Reason + found.Note + contextNote,
            found.Terms,
            [.. candidates.Select(c => new TraceCandidate(c.Snippet.Id, c.Snippet.Version, c.Confidence, c.MatchedQuestion, c.Lexical, c.Semantic, c.Score))],
            null,
            null,
            new TraceTimings(time.GetElapsedTime(started).TotalMicroseconds, retrievalMicroseconds));
        trace = trace with { Safety = triage.Hits, Decision = trace.Decision + modelNote };
        var confidence = candidates.Count > 0 ? candidates[0].Confidence : 0.0;
        var answer = await DecidedAsync(kb, message, readAs, decision, candidates, trace, confidence, today, started, cancellationToken);
        return answer with { ReadAs = Topic(readAs) };
    }

    private async Task<Answer> DecidedAsync(KnowledgeBase kb, string message, string question, Decision decision, IReadOnlyList<Candidate> candidates,
        AnswerTrace trace, double confidence, DateOnly today, long started, CancellationToken cancellationToken)
    {
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
                return WithReply(kb, AnswerOutcome.Unanswered, ReplyIds.NoAnswer, confidence, trace with { Handoff = HandoffDecision.Unanswered(ReplyIds.NoAnswer) });
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

    /// <summary>The hybrid ranking when the snapshot's index is ready and the question is encoded
    /// in time; otherwise the lexical ranking, and the trace says why.</summary>
    /// <summary>Retrieval for one reading of the question: the lexical ranking, then the hybrid
    /// ranking when the snapshot's index is ready and the question is encoded in time (otherwise
    /// the lexical ranking stands, and the note says why), and the decision on it.</summary>
    private async Task<Retrieved> RetrieveAsync(KnowledgeBase kb, string text, DateOnly today, CancellationToken cancellationToken)
    {
        var scoring = new RetrievalScoring(_retrieval.QuestionCoverageExponent, _retrieval.SupportWeight);
        var pieces = semantic?.Pieces(kb, text);
        var result = kb.Index.Search(WithoutPersonalDetails(text), today, scoring, semantic is null ? _retrieval.MaxCandidates : kb.Index.SnippetCount);
        var lexicalOnly = result.Candidates.Take(_retrieval.MaxCandidates).ToList();
        Retrieved Lexical(string note) => new(result.Terms, lexicalOnly, Decision.Make(lexicalOnly, _retrieval), note, null, 0);
        if (semantic is null)
        {
            return Lexical("");
        }

        if (semantic.ReadyFor(kb) is not { } index)
        {
            return Lexical("; hybrid ranking not ready yet for this knowledge, lexical ranking used");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(_retrieval.SemanticTimeoutMilliseconds));
        try
        {
            var ranked = await semantic.RankAsync(index, pieces!, result.Candidates, today, _retrieval.MaxCandidates, timeout.Token);
            return new Retrieved(result.Terms, ranked.Candidates, Decision.Calibrated(ranked.Candidates, _retrieval.Hybrid, _retrieval.MaxSuggestions),
                $"; hybrid ranking ({pieces!.Count} pieces)", ranked.SmallTalk, ranked.SmallTalkProbability) { OutOfScope = ranked.OutOfScope };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Lexical($"; semantic ranking unavailable ({ex.GetType().Name}), lexical ranking used");
        }
    }

    /// <summary>After a "did you mean" reply, "the second one" (or "2", "the last one") picks that choice.</summary>
    private static string? OfferedChoice(ConversationContext context, string message)
    {
        if (context.Offered.Count == 0)
        {
            return null;
        }

        var words = message.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', '!', '?', '"', '\'')).ToList();
        if (words.Count is 0 or > 8)
        {
            return null;
        }

        foreach (var word in words)
        {
            var index = word switch
            {
                "first" or "1st" or "1" => 0,
                "second" or "2nd" or "2" => 1,
                "third" or "3rd" or "3" => 2,
                "last" => context.Offered.Count - 1,
                _ => -1,
            };
            if (index >= 0 && index < context.Offered.Count)
            {
                return context.Offered[index];
            }
        }

        return null;
    }

    /// <summary>What a later follow-up is read with: the end of this reading, at most
    /// <see cref="MaxTopicCharacters"/> characters (never starting inside a surrogate pair), so a
    /// chain of follow-ups stays bounded.</summary>
    internal static string Topic(string readAs)
    {
        if (readAs.Length <= MaxTopicCharacters)
        {
            return readAs;
        }

        var start = readAs.Length - MaxTopicCharacters;
        return readAs[(char.IsLowSurrogate(readAs[start]) ? start + 1 : start)..];
    }

    internal const int MaxTopicCharacters = 400;

    /// <summary>A message alone at least this likely out of scope is not read as a follow-up.</summary>
    private const double OutOfScopeAlone = 0.5;

    private sealed record Retrieved(IReadOnlyList<QueryTerm> Terms, IReadOnlyList<Candidate> Candidates, Decision Decision, string Note, string? SmallTalk, double SmallTalkProbability)
    {
        public double OutOfScope { get; init; }
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
