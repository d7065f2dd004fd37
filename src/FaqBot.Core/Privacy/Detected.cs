using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>One detail found in a text: where it is and what it is, not what it says.</summary>
internal readonly record struct Detected(int Start, int Length, RedactionKind Kind)
{
    public int End => Start + Length;

    /// <summary>Read only where nothing else is: it gives way to any detail it overlaps, whatever
    /// their lengths (a long number that is also a phone number, a card or a date is read as that).</summary>
    public bool Weak { get; init; }

    public bool Overlaps(Detected other) => Start < other.End && other.Start < End;
}

/// <summary>Adds every detail of one kind found in <paramref name="text"/> to <paramref name="found"/>.</summary>
internal delegate void Detector(string text, List<Detected> found);

/// <summary>One kind of detail: how to find it, and the regexes that takes (warmed up by the <see cref="Redactor"/>).</summary>
internal sealed record DetailFinder(RedactionKind Kind, Detector Find, IReadOnlyList<Regex> Patterns);
