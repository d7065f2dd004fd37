namespace FaqBot.Core.Safety;

/// <summary>The words a match of a pattern can start with: exact words, word prefixes (from
/// <c>word*</c>), any number, or anything at all. The gate runs a rule's regular expression only
/// when the message holds one of its first tokens, so most rules are skipped for most messages.</summary>
public sealed class FirstTokens
{
    public HashSet<string> Words { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Prefixes { get; } = new(StringComparer.Ordinal);

    public bool Number { get; set; }

    public bool Any { get; set; }

    public void UnionWith(FirstTokens other)
    {
        Words.UnionWith(other.Words);
        Prefixes.UnionWith(other.Prefixes);
        Number |= other.Number;
        Any |= other.Any;
    }
}
