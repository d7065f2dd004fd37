using System.Text;

namespace FaqBot.Core.Text;

/// <summary>Stretched letters, as people type them ("hiiii", "killll").</summary>
public static class LetterRuns
{
    /// <summary>Every run of one letter longer than <paramref name="longest"/> becomes
    /// <paramref name="replacement"/> letters.</summary>
    public static string Limit(string text, int longest, int replacement)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var run = 1;
            while (i + run < text.Length && text[i + run] == text[i])
            {
                run++;
            }

            builder.Append(text[i], run > longest ? replacement : run);
            i += run;
        }

        return builder.ToString();
    }
}
