using System.Text;

namespace FaqBot.Core.Text;

/// <summary>Text from outside made safe to read: .NET's Unicode normalisation may refuse lone
/// surrogates and noncharacters (U+FDD0..U+FDEF and the last two code points of every plane; on
/// Linux U+FFFE throws, on Windows lone surrogates do too), so they become U+FFFD, the replacement
/// character, before normalising. One pass,
/// and no copy when there is nothing to replace.</summary>
public static class UnicodeText
{
    public const char Replacement = '\uFFFD';

    /// <summary>NFKC of <paramref name="text"/> after <see cref="WithoutInvalid"/>; never throws.</summary>
    public static string NormalizeKC(string text) => WithoutInvalid(text).Normalize(NormalizationForm.FormKC);

    /// <summary>The text with every lone surrogate and noncharacter replaced by U+FFFD.</summary>
    public static string WithoutInvalid(string text)
    {
        var first = FirstInvalid(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length;)
        {
            var length = InvalidAt(text, i, out var invalid);
            if (invalid)
            {
                builder.Append(Replacement);
            }
            else
            {
                builder.Append(text, i, length);
            }

            i += length;
        }

        return builder.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            var length = InvalidAt(text, i, out var invalid);
            if (invalid)
            {
                return i;
            }

            i += length;
        }

        return -1;
    }

    /// <summary>The length (1 or 2) of the code point at <paramref name="i"/>, and whether it is a
    /// lone surrogate or a noncharacter.</summary>
    private static int InvalidAt(string text, int i, out bool invalid)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            var codePoint = char.ConvertToUtf32(c, text[i + 1]);
            invalid = IsNoncharacter(codePoint);
            return 2;
        }

        invalid = char.IsSurrogate(c) || IsNoncharacter(c);
        return 1;
    }

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
