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
/// only ever raises what the rules decided (the caller keeps the higher of the two). The examples'
/// index is built once per snapshot of the examples, on first use or at warm-up.
/// </summary>
public sealed class SemanticSafetyLayer(
    IEmbeddingGenerator<string, Embedding<float>> encoder,
    ExampleVectors vectors,
    IOptions<SemanticSafetyOptions> options) : IDisposable
{
    /// <summary>How semantic hits appear among rule hits: <c>semantic.urgent</c> and so on.</summary>
    public const string RulePrefix = "semantic.";

    /// <summary>The fewest words a clause needs to be compared alone; shorter ones ride with the whole message.</summary>
    private const int MinClauseWords = 3;

    private readonly SemaphoreSlim _building = new(1, 1);
    private (SafetyExamples Examples, ExampleIndex Index)? _built;

    public SemanticSafetyOptions Options => options.Value;

    /// <summary>The index for <paramref name="examples"/>, built (and its vectors read from the disk
    /// cache or encoded) the first time these examples are seen.</summary>
    public async Task<ExampleIndex> IndexAsync(SafetyExamples examples, CancellationToken cancellationToken)
    {
        if (_built is { } built && ReferenceEquals(built.Examples, examples))
        {
            return built.Index;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_built is { } again && ReferenceEquals(again.Examples, examples))
            {
                return again.Index;
            }

            var encoded = await vectors.GetAsync([.. examples.All.Select(e => e.Text)], cancellationToken);
            var index = ExampleIndex.Build(examples, encoded, options.Value);
            _built = (examples, index);
            return index;
        }
        finally
        {
            _building.Release();
        }
    }

    public async Task<SemanticVerdict> ClassifyAsync(SafetyGate gate, SafetyExamples examples, string message, CancellationToken cancellationToken)
    {
        if (examples.Count == 0)
        {
            return new SemanticVerdict(null, "", [], "semantic: no examples");
        }

        var index = await IndexAsync(examples, cancellationToken);
        var pieces = Pieces(gate.Normalize(message), options.Value.MaxPieces);
        var embeddings = await encoder.GenerateAsync(pieces, cancellationToken: cancellationToken);
        SafetyCategory? category = null;
        var chosen = 0;
        PieceScores? chosenScores = null;
        for (var i = 0; i < pieces.Count; i++)
        {
            var scores = index.Score(embeddings[i].Vector.Span);
            var decided = index.Decide(scores);
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

    public void Dispose() => _building.Dispose();

    private static double Nearest(PieceScores scores) => scores.Nearest.Count > 0 ? scores.Nearest[0].Similarity : 0;

    /// <summary>The whole message first, then its clauses of at least <see cref="MinClauseWords"/>
    /// words; when there are more than <paramref name="max"/> clauses, neighbouring clauses are
    /// joined so that every part of the message is in some piece.</summary>
    internal static List<string> Pieces(NormalizedMessage normalized, int max)
    {
        var clauses = new List<string>();
        for (var i = 0; i < normalized.ClauseStarts.Count; i++)
        {
            var clause = normalized.Clause(i).Trim();
            if (clause.Length > 0)
            {
                clauses.Add(clause);
            }
        }

        var pieces = new List<string>(max + 1) { normalized.Text.Trim() };
        if (clauses.Count <= 1)
        {
            return pieces;
        }

        var perPiece = (clauses.Count + max - 1) / max;
        for (var i = 0; i < clauses.Count; i += perPiece)
        {
            var piece = string.Join(", ", clauses.Skip(i).Take(perPiece));
            if (piece.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinClauseWords)
            {
                pieces.Add(piece);
            }
        }

        return pieces;
    }
}
