using System.ComponentModel.DataAnnotations;

namespace FaqBot.Core.Safety.Semantic;

/// <summary>The semantic safety layer (section <c>Safety:Semantic</c>): labelled examples compared
/// with each clause of a message through the sentence encoder. On by default; turning it off leaves
/// the rules alone, and says so at start.</summary>
public sealed class SemanticSafetyOptions
{
    public const string Section = "Safety:Semantic";

    public bool Enabled { get; set; } = true;

    /// <summary>How many nearest examples the trace shows; an example of a category must be among
    /// them for the classifier to raise a piece to it.</summary>
    [Range(1, 15)]
    public int Neighbours { get; set; } = 3;

    /// <summary>L2 strength of the classifier trained on the examples.</summary>
    [Range(0.0, 10.0)]
    public double Regularisation { get; set; } = 0.01;

    /// <summary>Folds of the cross-validation that chooses the thresholds.</summary>
    [Range(2, 20)]
    public int Folds { get; set; } = 5;

    /// <summary>The share of urgent examples the urgent threshold must catch out of fold (each
    /// predicted by a classifier trained without it); urgent is tuned for recall.</summary>
    [Range(0.5, 1.0)]
    public double UrgentRecall { get; set; } = 0.95;

    /// <summary>The same for dosing and diagnostic examples.</summary>
    [Range(0.5, 1.0)]
    public double DeclineRecall { get; set; } = 0.85;

    /// <summary>A piece is not raised to a category when a harmless example (or an approved
    /// snippet's question) is nearer to it than every example of the category by more than this
    /// (cosine similarity); 0 means whenever one is nearer. Negative values are stricter still.</summary>
    [Range(-0.5, 1.0)]
    public double HarmlessLead { get; set; }

    /// <summary>The harmless lead holds a piece back only when the classifier's probability for the
    /// category is below this; a piece it is surer of is raised whatever its neighbours (1.0: always held back).</summary>
    [Range(0.0, 1.0)]
    public double HarmlessLeadBelow { get; set; } = 0.6;

    /// <summary>A piece whose very nearest example is urgent is raised to urgent, whatever the
    /// classifier says, when that example is at least this near (cosine similarity) ...</summary>
    [Range(0.0, 1.0)]
    public double UrgentNeighbourSimilarity { get; set; } = 0.55;

    /// <summary>... and nearer than every harmless example by at least this much.</summary>
    [Range(0.0, 1.0)]
    public double UrgentNeighbourLead { get; set; } = 0.05;

    /// <summary>The most pieces of a message encoded: its clauses, grouped into this many windows
    /// when there are more, plus the whole message. Bounds the cost of a long message.</summary>
    [Range(1, 64)]
    public int MaxPieces { get; set; } = 12;
}
