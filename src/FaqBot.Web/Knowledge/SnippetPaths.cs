using System.Text;
using System.Text.RegularExpressions;
using FaqBot.Core.Knowledge;

namespace FaqBot.Web.Knowledge;

/// <summary>Where a snippet id from the browser may be written: only <c>knowledge/snippets/{id}.md</c>
/// and <c>{id}.draft.md</c>, for ids of lower-case letters, digits and single hyphens. Nothing a
/// browser sends can name another folder, a link or another kind of file.</summary>
public sealed partial class SnippetPaths
{
    public const int MaxIdLength = 80;

    public SnippetPaths(string knowledgeFolder)
    {
        Folder = Path.GetFullPath(Path.Combine(knowledgeFolder, KnowledgeLoader.SnippetsFolder));
    }

    /// <summary>The snippets folder (absolute).</summary>
    public string Folder { get; }

    public static bool IsValidId(string? id) => id is { Length: > 0 and <= MaxIdLength } && IdPattern().IsMatch(id);

    /// <summary>The file for <paramref name="id"/>, or an <see cref="ArgumentException"/> for an id
    /// that is not valid or a path that would leave the snippets folder.</summary>
    public string File(string id, bool draft)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException($"'{id}' is not a snippet id: use lower-case letters, digits and single hyphens, at most {MaxIdLength} characters.", nameof(id));
        }

        var path = Path.GetFullPath(Path.Combine(Folder, SnippetFile.FileName(id, draft)));
        if (!string.Equals(Path.GetDirectoryName(path), Folder, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{id}' does not name a file in {Folder}.", nameof(id));
        }

        return path;
    }

    /// <summary>The file's text, or null when there is none. Anything but a plain file (a link,
    /// even a dangling one, or a folder) is refused with a <see cref="NotAPlainFileException"/>:
    /// the staff pages only read and write plain files inside the folder.</summary>
    public static string? Read(string path)
    {
        var info = PlainOrAbsent(path);
        return info.Exists ? System.IO.File.ReadAllText(path) : null;
    }

    /// <summary>Writes the whole text or nothing: a temporary file in the same folder, flushed to
    /// disk, then renamed over the target. A reader sees the old file or the new one, never half.</summary>
    public static void WriteAtomically(string path, string text)
    {
        PlainOrAbsent(path);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            System.IO.File.Move(temp, path, overwrite: true);
        }
        finally
        {
            System.IO.File.Delete(temp);
        }
    }

    public static void Delete(string path)
    {
        var info = PlainOrAbsent(path);
        if (info.Exists)
        {
            info.Delete();
        }
    }

    private static FileInfo PlainOrAbsent(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || Directory.Exists(path))
        {
            throw new NotAPlainFileException(path);
        }

        return info;
    }

    // \z, not $: '$' also matches before a final newline, which would let "abc\n" through.
    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}

/// <summary>A snippet file that is a link or a folder: the staff pages neither read nor write it.</summary>
public sealed class NotAPlainFileException(string path)
    : IOException($"knowledge/snippets/{Path.GetFileName(path)} is a link or a folder, not a plain file; the staff pages only read and write plain files. Replace it with a plain file, or remove it.")
{
    public string FilePath { get; } = path;
}
