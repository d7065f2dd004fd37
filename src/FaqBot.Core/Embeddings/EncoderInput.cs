using System.Buffers;
using System.Text;
using BERTTokenizers.Base;

namespace FaqBot.Core.Embeddings;

/// <summary>
/// Prepares a text for the embedded models' word-piece tokeniser, in one pass over at most the
/// text: any run of white space becomes one space (the tokeniser splits words at spaces only), and
/// the text is cut after the words the model's token window can hold. A word here is what the
/// tokeniser reads as one: a run of letters and digits, or one punctuation mark; each gives at least
/// one token, and a run longer than the tokeniser's limit, which it skips, is dropped and not
/// counted. So a 20,000-character message costs what its first window costs, and what the model
/// would have read is kept.
/// </summary>
internal static class EncoderInput
{
    /// <summary>The marks the tokeniser splits words at and reads as words of their own.</summary>
    private static readonly SearchValues<char> Punctuation = SearchValues.Create(".,;:\\/?!#$%()=+-*\"'–_`<>&^@{}[]|~");

    public static string Prepare(string text, int maxWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        var maxRun = TokenizerBase.MaxWordLength;
        var prepared = new StringBuilder(Math.Min(text.Length, maxWords * 8));
        var words = 0;
        var space = false;
        var i = 0;
        while (i < text.Length && words < maxWords)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = prepared.Length > 0;
                i++;
                continue;
            }

            var end = i + 1;
            if (!Punctuation.Contains(c))
            {
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && !Punctuation.Contains(text[end]))
                {
                    end++;
                }

                if (end - i > maxRun)
                {
                    i = end;
                    continue;
                }
            }

            if (space)
            {
                prepared.Append(' ');
                space = false;
            }

            prepared.Append(text, i, end - i);
            words++;
            i = end;
        }

        return prepared.ToString();
    }
}
