using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using FaqBot.Core.Configuration;
using FaqBot.Core.Embeddings;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Safety;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace FaqBot.Core.Retrieval;

/// <summary>Reads the vectors of a fixed set of texts (the on-disk vector store, or the encoder itself).</summary>
public delegate Task<IReadOnlyList<ReadOnlyMemory<float>>> StoredVectors(string set, IReadOnlyList<string> texts, CancellationToken cancellationToken);

/// <summary>
/// Hybrid ranking. For each knowledge snapshot it embeds every approved snippet's title, stored
/// questions and answer sentences and the out-of-scope questions (through the vector store, so a
/// restart or a reload encodes only what changed), and trains the <see cref="SnippetClassifier"/>
/// on them, in the background: until that is done for the snapshot being served, questions get
/// the lexical ranking. A question is then scored from the classifier's probabilities for the
/// whole message and for its best clause (so backstory does not drown the question) and from its
/// lexical confidence, and the score is calibrated (see <see cref="HybridRetrievalOptions"/>).
/// </summary>
public sealed class SemanticRanker(
    IEmbeddingGenerator<string, Embedding<float>> encoder,
    StoredVectors stored,
    HybridRetrievalOptions options,
    int maxPieces,
    ILogger<SemanticRanker> logger)
{
    private readonly ConditionalWeakTable<KnowledgeBase, Task<HybridIndex>> _builds = new();
    private readonly string _identity = EmbeddingStore.IdentityOf(encoder);

    /// <summary>The last index built in this process, by a hash of everything it was built from
    /// (the approved snippets' ids and texts, the intents' examples, the out-of-scope questions,
    /// the model and the regularisation): a reload that changed none of it, or another host in
    /// the same process, reuses its vectors and its classifier.</summary>
    private static volatile HybridIndex? Shared;

    /// <summary>Builds the snapshot's index in the background (once per snapshot); the task
    /// completes when it is ready. A failed build is logged and tried again by the next call.</summary>
    public Task<HybridIndex> Prepare(KnowledgeBase knowledge)
    {
        lock (_builds)
        {
            if (_builds.TryGetValue(knowledge, out var existing) && !existing.IsFaulted && !existing.IsCanceled)
            {
                return existing;
            }

            var build = BuildThread.Run(() => BuildAsync(knowledge));
            _builds.AddOrUpdate(knowledge, build);
            return build;
        }
    }

    /// <summary>The snapshot's index if it is ready, else null (and its build is started).</summary>
    public HybridIndex? ReadyFor(KnowledgeBase knowledge)
    {
        var build = Prepare(knowledge);
        return build.IsCompletedSuccessfully ? build.Result : null;
    }

    /// <summary>The pieces of a question that are encoded: the same as the semantic safety
    /// layer's (so the encoder's cache serves the second reader), and the whole message even when
    /// it is too short for the layer.</summary>
    public IReadOnlyList<string> Pieces(KnowledgeBase knowledge, string question)
    {
        var pieces = MessagePieces.Of(knowledge.Safety.Normalize(question), maxPieces, minWholeWords: 1);
        if (pieces.Count == 0)
        {
            pieces.Add(MessagePieces.Clip(question)); // nothing left once normalised (symbols only): the message as written
        }

        return pieces;
    }

    /// <summary>Ranks the servable snippets for a question read as <paramref name="pieces"/> (the
    /// whole message first, then its clauses), given every snippet's lexical confidence.</summary>
    public async Task<HybridRanking> RankAsync(
        HybridIndex index, IReadOnlyList<string> pieces, IReadOnlyList<Candidate> lexical, DateOnly today, int maxCandidates, CancellationToken cancellationToken)
    {
        var embeddings = await encoder.GenerateAsync(pieces, cancellationToken: cancellationToken);
        var units = embeddings.Select(e => VectorMath.Unit(e.Vector.Span)).ToArray();
        var whole = index.Classifier.Predict(units[0]);
        var clauses = units.Skip(1).Select(index.Classifier.Predict).ToArray();
        var lexicalOf = lexical.ToDictionary(c => c.Snippet.Id, StringComparer.Ordinal);
        var wholeWeight = 1 - options.LexicalWeight - options.ClauseWeight;
        var ranked = new List<Candidate>();
        foreach (var snippet in index.Vectors.Snippets.Where(s => s.IsServable(today)))
        {
            var p = whole.Of(snippet);
            var clause = clauses.Length == 0 ? p : clauses.Max(c => c.Of(snippet));
            var lexicalCandidate = lexicalOf.GetValueOrDefault(snippet.Id);
            var lexicalConfidence = lexicalCandidate?.Confidence ?? 0;
            var score = (wholeWeight * p) + (options.LexicalWeight * lexicalConfidence) + (options.ClauseWeight * clause);
            ranked.Add(new Candidate(snippet, Math.Round(options.Calibrated(score), 4), lexicalCandidate?.MatchedQuestion ?? "")
            {
                Lexical = lexicalConfidence,
                Semantic = Math.Round(Math.Max(p, clause), 4),
                Score = Math.Round(score, 4),
            });
        }

        // The stored question shown with a candidate: the lexically matched one, else the nearest
        // (looked up for the candidates kept only).
        var kept = ranked.OrderByDescending(c => c.Score).ThenBy(c => c.Snippet.Id, StringComparer.Ordinal).Take(maxCandidates)
            .Select(c => c.MatchedQuestion.Length > 0 ? c : c with { MatchedQuestion = NearestQuestion(index, c.Snippet, units) })
            .ToList();

        // Small talk by meaning: the whole message's likeliest label is an intent, above every snippet.
        var intent = index.Classifier.Intents.Select(i => (Id: i, P: whole.OfSmallTalk(i))).OrderByDescending(i => i.P).FirstOrDefault();
        var bestSnippet = index.Vectors.Snippets.Select(whole.Of).DefaultIfEmpty(0).Max();
        var smallTalk = intent.Id is not null && intent.P >= options.SmallTalkProbability && intent.P > bestSnippet && intent.P > whole.None ? intent : default;
        return new HybridRanking(kept, smallTalk.Id, Math.Round(smallTalk.P, 4)) { OutOfScope = Math.Round(whole.None, 4) };
    }

    private static string NearestQuestion(HybridIndex index, Snippet snippet, float[][] units) =>
        index.Vectors.NearestQuestion(snippet, units) is var nearest and >= 0 ? snippet.MatchableQuestions.ElementAt(nearest) : snippet.Title;

    private async Task<HybridIndex> BuildAsync(KnowledgeBase knowledge)
    {
        var snippets = knowledge.Snippets.Where(s => s.Status == SnippetStatus.Approved).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var outOfScope = knowledge.OutOfScope.All.Select(e => e.Text).ToList();
        var intents = knowledge.SmallTalk.Intents.Where(i => i.Examples.Count > 0).ToList();
        var key = ContentKey(snippets, intents, outOfScope);
        if (Shared is { } shared && shared.Content == key)
        {
            return new HybridIndex(key, shared.Vectors.WithSnippets(snippets), shared.Classifier);
        }

        var vectors = await SnippetVectors.BuildAsync(snippets, (texts, cancellationToken) => stored("snippets", texts, cancellationToken), CancellationToken.None);
        var outOfScopeVectors = await Units("out-of-scope", outOfScope);
        var examples = await Units("small-talk", [.. intents.SelectMany(i => i.Examples)]);
        var smallTalk = new List<(string, float[][])>();
        var next = 0;
        foreach (var intent in intents)
        {
            smallTalk.Add((intent.Id, examples[next..(next + intent.Examples.Count)]));
            next += intent.Examples.Count;
        }

        var classifier = SnippetClassifier.Train(vectors, smallTalk, outOfScopeVectors, options.Regularisation);
        var index = new HybridIndex(key, vectors, classifier);
        Shared = index;
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Hybrid retrieval ready: {Snippets} approved snippets, classifier trained on {Examples} examples ({OutOfScope} out of scope)",
                snippets.Count, classifier.Examples, outOfScope.Count);
        }

        return index;
    }

    private async Task<float[][]> Units(string set, List<string> texts) =>
        texts.Count == 0 ? [] : [.. (await stored(set, texts, CancellationToken.None)).Select(v => VectorMath.Unit(v.Span))];

    /// <summary>SHA-256 over the model's identity, the regularisation, and every training text with its label.</summary>
    private string ContentKey(IReadOnlyList<Snippet> snippets, IReadOnlyList<SmallTalk.SmallTalkIntent> intents, IReadOnlyList<string> outOfScope)
    {
        var text = new StringBuilder().Append(_identity).Append('\n')
            .Append(options.Regularisation.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        foreach (var snippet in snippets)
        {
            var (questions, sentences) = SnippetVectors.TextsOf(snippet);
            text.Append(snippet.Id).Append('\t').AppendJoin('\t', questions).Append('\t').AppendJoin('\t', sentences).Append('\n');
        }

        foreach (var intent in intents)
        {
            text.Append("smalltalk:").Append(intent.Id).Append('\t').AppendJoin('\t', intent.Examples).Append('\n');
        }

        text.Append("none\t").AppendJoin('\t', outOfScope);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>One question's hybrid ranking: the candidates, best first, and the small talk intent
/// the whole message is (null when it is not small talk), with its probability.</summary>
public sealed record HybridRanking(IReadOnlyList<Candidate> Candidates, string? SmallTalk, double SmallTalkProbability)
{
    /// <summary>The classifier's probability that the whole message asks about something no snippet covers.</summary>
    public double OutOfScope { get; init; }
}

/// <summary>What hybrid ranking needs of one snapshot: the snippets' vectors and the classifier
/// trained on them, under the hash of what they were built from.</summary>
public sealed record HybridIndex(string Content, SnippetVectors Vectors, SnippetClassifier Classifier);
