using System.Security.Cryptography;
using System.Text;

namespace FaqBot.Core.Knowledge.Import;

/// <summary>The text of an imported document as it is stored: line feeds only, no trailing spaces,
/// never more than one blank line in a row, no blank lines at either end, and no control
/// characters but tabs (a form feed, a page break, becomes a blank line). Stored as UTF-8 and read
/// back, it is the same string, so its SHA-256 checks.</summary>
internal static class SourceText
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace("\f", "\n\n", StringComparison.Ordinal)
            .Replace('\v', '\n')
            .Replace('\u2028', '\n')
            .Replace("\u2029", "\n\n", StringComparison.Ordinal);
        var result = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = Clean(raw).TrimEnd();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }

            result.Append(line);
            blank = 0;
        }

        return result.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of the text's UTF-8 bytes, as <c>SourceLoader</c> checks it.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The line without control characters (tabs kept) or a byte-order mark, and with
    /// each unpaired surrogate (which UTF-8 cannot hold) replaced by U+FFFD.</summary>
    private static string Clean(string line)
    {
        if (!line.Any(c => c != '\t' && char.IsControl(c) || char.IsSurrogate(c) || c == '\uFEFF'))
        {
            return line;
        }

        var clean = new StringBuilder(line.Length);
        foreach (var rune in line.EnumerateRunes())
        {
            if (rune.Value == '\t' || !Rune.IsControl(rune) && rune.Value != 0xFEFF)
            {
                clean.Append(rune.ToString());
            }
        }

        return clean.ToString();
    }
}
