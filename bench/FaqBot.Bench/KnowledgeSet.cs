namespace FaqBot.Bench;

/// <summary>Which knowledge folder a benchmark runs on.</summary>
public enum KnowledgeSet
{
    /// <summary>The repository's <c>knowledge/</c> folder (25 snippets).</summary>
    Sample,

    /// <summary>The sample folder plus generated snippets, 1,000 in all.</summary>
    Generated1000,
}
