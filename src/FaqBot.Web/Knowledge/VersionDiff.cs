using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace FaqBot.Web.Knowledge;

public enum DiffLineKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffLineKind Kind, string Text);

/// <summary>A line-by-line comparison of two versions of a snippet file.</summary>
public static class VersionDiff
{
    public static IReadOnlyList<DiffLine> Lines(string? before, string after)
    {
        var model = InlineDiffBuilder.Diff(before ?? "", after, ignoreWhiteSpace: false);
        return [.. model.Lines.Where(l => l.Type != ChangeType.Imaginary).Select(l => new DiffLine(l.Type switch
        {
            ChangeType.Inserted => DiffLineKind.Added,
            ChangeType.Deleted => DiffLineKind.Removed,
            _ => DiffLineKind.Same,
        }, l.Text))];
    }
}
