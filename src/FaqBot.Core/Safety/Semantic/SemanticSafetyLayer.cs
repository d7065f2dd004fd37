using FaqBot.Core.Embeddings;
using FaqBot.Core.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Safety.Semantic;

/// <summary>What the semantic layer made of a message: the category it reaches (null: none), the
/// piece of the message that reached it (or the nearest piece), its nearest examples, and a note for the trace.</summary>
public sealed record SemanticVerdict(SafetyCategory? Category, string Piece, IReadOnlyList<NearExample> Nearest, string Note);

/// <summary>
/// Compares each piece of a message (its clauses, as the gate splits them, and the whole message,
/// encoded in one batch) with the clinician-approved labelled examples of
/// <c>knowledge/safety/examples/</c>, and names the most severe category any piece reaches. It
/// only ever raises what the rules decided (the caller keeps the higher of the two). Its index is
/// built once per knowledge snapshot (at start, after a reload, or on first use), and reused
/// whenever what it is built from has not changed.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The build gate is never disposed on purpose: a build waiting when its host stops must go on and release the process-wide lock. It holds no wait handle.")]
public sealed class SemanticSafetyLayer(
    IEmbeddingGenerator<string, Embedding<float>> encoder,
    ExampleVectors vectors,
    IOptions<SemanticSafetyOptions> options)
{
    /// <summary>How semantic hits appear among rule hits: <c>semantic.urgent</c> and so on.</summary>
    public const string RulePrefix = "semantic.";

    /// <summary>One build at a time for this layer; never disposed, like <see cref="SharedBuilding"/>,
    /// so a build still waiting when its host stops goes on and releases what it holds.</summary>
    private readonly SemaphoreSlim _building = new(1, 1);
    private ((SafetyExamples, IReadOnlyList<Snippet>) Key, string Content, ExampleIndex Index)? _built;

    /// <summary>The index built last in this process, under a hash of everything it was built from
    /// (model, settings, every example's label and text): a reload that changed none of it, or
    /// another host in the same process, reuses it instead of training again.</summary>
    private static volatile SharedIndex? Shared;

    private static readonly SemaphoreSlim SharedBuilding = new(1, 1);

    /// <summary>The index for a knowledge snapshot, built (its vectors read from the disk cache or
    /// encoded) the first time the snapshot's examples and snippets are seen.</summary>
    public async Task<ExampleIndex> IndexAsync(KnowledgeBase kb, CancellationToken cancellationToken)
    {
        var key = (kb.SafetyExamples, kb.Snippets);
        if (_built is { } built && built.Key.Equals(key))
        {
            return built.Index;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_built is { } again && again.Key.Equals(key))
            {
                return again.Index;
            }

            var examples = TrainingSet(kb);
            var content = ContentKey(examples);
            ExampleIndex? index;

            // One build at a time in the process: hosts starting together wait for one another and
            // reuse the index instead of all encoding and training at once.
            await SharedBuilding.WaitAsync(cancellationToken);
            try
            {
                // This layer's own last index first: another host's build may have replaced the shared one.
                index = _built is { } last && last.Content == content ? last.Index
                    : Shared is { } shared && shared.Content == content ? shared.Index : null;
                if (index is null)
                {
                    var encoded = await vectors.GetAsync([.. examples.All.Select(e => e.Text)], cancellationToken);
                    index = ExampleIndex.Build(examples, encoded, options.Value);
                    Shared = new SharedIndex(content, index);
                }
            }
            finally
            {
                SharedBuilding.Release();
            }

            _built = (key, content, index);
            return index;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>The index a message is judged by: the snapshot's own once built; while a newer
    /// snapshot's index is being built (after a reload, which starts the build), the last one
    /// built, so no patient waits for a rebuild; when none is built or building, the one built now.</summary>
    private async Task<ExampleIndex> CurrentIndexAsync(KnowledgeBase kb, CancellationToken cancellationToken) =>
        _built is { } last && (last.Key.Equals((kb.SafetyExamples, kb.Snippets)) || _building.CurrentCount == 0)
            ? last.Index
            : await BuildThread.Run(() => IndexAsync(kb, cancellationToken));

    /// <summary>The labelled examples, plus every question an approved snippet answers as a harmless
    /// example: what the clinic has approved answers for is by definition not to be declined.</summary>
    public static SafetyExamples TrainingSet(KnowledgeBase kb)
    {
        var snippetQuestions = kb.Snippets
            .Where(s => s.Status == SnippetStatus.Approved)
            .SelectMany(s => s.Questions.Select((q, i) => new SafetyExample($"snippet.{s.Id}.{i + 1:00}", null, q, s.Id)))
            .Where(e => e.Text.Length <= SafetyExampleLoader.MaxTextLength);
        return new SafetyExamples([.. kb.SafetyExamples.All, .. snippetQuestions]);
    }

    /// <summary>The layer's verdict on <paramref name="message"/> given the rules' verdict: clauses
    /// in which the rules found only a denial ("I'm not suicidal") are left out, and a message the
    /// rules already declined is raised only when its very nearest example is of the higher category.</summary>
    public async Task<SemanticVerdict> ClassifyAsync(KnowledgeBase kb, string message, TriageResult rules, CancellationToken cancellationToken)
    {
        message = rules.QuestionWithoutDenials ?? message;
        if (kb.SafetyExamples.Count == 0)
        {
            return new SemanticVerdict(null, "", [], "semantic: no examples");
        }

        var index = await CurrentIndexAsync(kb, cancellationToken);
        var pieces = MessagePieces.Of(kb.Safety.Normalize(message), options.Value.MaxPieces);
        if (pieces.Count == 0)
        {
            return new SemanticVerdict(null, "", [], $"semantic: none (fewer than {MessagePieces.MinClauseWords} words)");
        }

        var embeddings = await encoder.GenerateAsync(pieces, cancellationToken: cancellationToken);
        SafetyCategory? category = null;
        var chosen = 0;
        PieceScores? chosenScores = null;
        for (var i = 0; i < pieces.Count; i++)
        {
            var scores = index.Score(embeddings[i].Vector.Span);
            var decided = index.Decide(scores, nearestFirst: rules.Category is not null);
            if (decided is { } c && (category is null || c > category))
            {
                (category, chosen, chosenScores) = (c, i, scores);
            }
            else if (category is null && (chosenScores is null || Nearest(scores) > Nearest(chosenScores)))
            {
                (chosen, chosenScores) = (i, scores);
            }
        }

        var nearest = chosenScores?.Nearest ?? [];
        var note = "semantic: " + (category is { } raised ? raised.ToString().ToLowerInvariant() : "none")
            + (nearest.Count > 0 ? $" (nearest {string.Join(", ", nearest.Select(n => $"{n.Id} {n.Similarity:0.00}"))})" : "");
        return new SemanticVerdict(category, pieces[chosen], nearest, note);
    }

    /// <summary>SHA-256 over the model's identity, the layer's settings (all of them, as JSON) and every example.</summary>
    private string ContentKey(SafetyExamples examples)
    {
        var text = new System.Text.StringBuilder();
        text.Append(EmbeddingStore.IdentityOf(encoder)).Append('\n')
            .Append(System.Text.Json.JsonSerializer.Serialize(options.Value)).Append('\n');
        foreach (var example in examples.All)
        {
            text.Append(example.Id).Append('\t').Append(example.Category?.ToString() ?? "none").Append('\t').Append(example.Text).Append('\n');
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    private sealed record SharedIndex(string Content, ExampleIndex Index);

    private static double Nearest(PieceScores scores) => scores.Nearest.Count > 0 ? scores.Nearest[0].Similarity : 0;
}
