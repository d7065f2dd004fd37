using System.Globalization;
using System.Text;

namespace FaqBot.Core.Knowledge.Import;

/// <summary>Writes <c>sources/{id}.txt</c> as the loader reads it: the YAML header (strings double
/// quoted and escaped, so any title reads back exactly), then the text. The file appears whole or
/// not at all: it is written beside its final name and moved into place, never over another file.</summary>
internal static class SourceFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Render(string id, string title, string publisher, string? url, DateOnly received, string? originalFile, string sha256, string body) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            ---
            id: {id}
            title: {Quote(title)}
            publisher: {Quote(publisher)}
            url: {Quote(url ?? "")}
            received: {received:yyyy-MM-dd}
            originalFile: {Quote(originalFile ?? "")}
            sha256: {sha256}
            ---

            """) + body;

    /// <summary>Writes a new file; false (and nothing written) when the name is already taken.</summary>
    public static async Task<bool> WriteNewAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await stream.WriteAsync(Utf8.GetBytes(content), cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(path))
            {
                return false;
            }

            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>A YAML double-quoted scalar: backslash and quote escaped, control and line-separator
    /// characters written as escapes, everything else (any language) as it is.</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append("\\\\");
                    break;
                case var v when Rune.IsControl(rune) || v is 0x2028 or 0x2029 or 0xFEFF or 0xFFFE or 0xFFFF:
                    quoted.Append(CultureInfo.InvariantCulture, $"\\u{v:X4}");
                    break;
                default:
                    quoted.Append(rune.ToString());
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
