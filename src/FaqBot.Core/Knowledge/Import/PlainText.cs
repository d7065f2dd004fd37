using System.Text;

namespace FaqBot.Core.Knowledge.Import;

/// <summary>A .txt file: UTF-8, with or without a byte-order mark. Anything else (another
/// encoding, NUL or other control characters) is a binary file with a .txt name and is refused.</summary>
internal static class PlainText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ExtractedText Read(byte[] bytes) => new(Decode(bytes));

    /// <summary>The text of UTF-8 bytes; refused unless it is text a person wrote.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw NotText("it is not UTF-8 text", ex);
        }

        return text.Any(IsBinary) ? throw NotText("it holds control characters that text does not have", null) : text;
    }

    /// <summary>Control characters other than tab, line feed, carriage return and form feed.</summary>
    private static bool IsBinary(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f');

    private static SourceImportException NotText(string why, Exception? inner) =>
        new(SourceImportFailure.NotText,
            $"This file is not plain text ({why}): it looks like a binary file with a text file's name. "
            + "Save the document as UTF-8 text, import the original document, or paste its text instead.", inner);
}
