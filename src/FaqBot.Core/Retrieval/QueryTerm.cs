namespace FaqBot.Core.Retrieval;

/// <summary>A term of the question as retrieval read it. <see cref="Id"/> is -1 for a word no
/// approved snippet uses; <see cref="CorrectedFrom"/> names the written word when it was a typo.</summary>
public readonly record struct QueryTerm(string Term, int Id, float Weight, string? CorrectedFrom)
{
    public bool IsKnown => Id >= 0;
}
