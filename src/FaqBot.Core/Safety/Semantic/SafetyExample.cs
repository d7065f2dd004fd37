namespace FaqBot.Core.Safety.Semantic;

/// <summary>One clinician-readable labelled message of <c>knowledge/safety/examples/</c>: what a
/// patient might write and the category it belongs to (null: harmless, let through).</summary>
public sealed record SafetyExample(string Id, SafetyCategory? Category, string Text, string File);

/// <summary>The labelled examples of one knowledge snapshot, in id order. A reload makes a new
/// instance, which is how the semantic layer knows to rebuild its index.</summary>
public sealed class SafetyExamples(IReadOnlyList<SafetyExample> examples)
{
    public static SafetyExamples None { get; } = new([]);

    public IReadOnlyList<SafetyExample> All { get; } = examples;

    public int Count => All.Count;
}
