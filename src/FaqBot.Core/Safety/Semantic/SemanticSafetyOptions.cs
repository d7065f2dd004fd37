using System.ComponentModel.DataAnnotations;

namespace FaqBot.Core.Safety.Semantic;

/// <summary>The semantic safety layer (section <c>Safety:Semantic</c>): labelled examples compared
/// with each clause of a message through the sentence encoder. On by default; turning it off leaves
/// the rules alone, and says so at start.</summary>
public sealed class SemanticSafetyOptions
{
    public const string Section = "Safety:Semantic";

    public bool Enabled { get; set; } = true;

    /// <summary>How many nearest examples of a category its score averages.</summary>
    [Range(1, 15)]
    public int Neighbours { get; set; } = 3;

    /// <summary>The share of urgent examples the urgent threshold must catch when each is left out
    /// of the examples in turn (leave-one-out); urgent is tuned for recall.</summary>
    [Range(0.5, 1.0)]
    public double UrgentRecall { get; set; } = 0.98;

    /// <summary>The same for dosing and diagnostic examples.</summary>
    [Range(0.5, 1.0)]
    public double DeclineRecall { get; set; } = 0.92;

    /// <summary>The most pieces of a message encoded: its clauses, grouped into this many windows
    /// when there are more, plus the whole message. Bounds the cost of a long message.</summary>
    [Range(1, 64)]
    public int MaxPieces { get; set; } = 12;
}
