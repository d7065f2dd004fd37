using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FaqBot.Core.Knowledge.Import;

/// <summary>Source ids: 3 to 64 lower-case letters, digits and hyphens, starting and ending with a
/// letter or digit; also the file name, <c>sources/{id}.txt</c>.</summary>
internal static partial class SourceIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string id) => ValidId().IsMatch(id);

    /// <summary>The id a title suggests: lower-case ASCII letters and digits (accents dropped), other
    /// characters as single hyphens, cut at a hyphen to fit; <c>source</c> when too little is left.</summary>
    public static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (c is '\'' or '\u2019' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = Fit(slug.ToString(), MaxLength);
        return text.Length switch
        {
            0 => "source",
            < 3 => "source-" + text,
            _ => text,
        };
    }

    /// <summary>The slug itself if it is free, else the slug with the first free -2, -3...</summary>
    public static string FirstFree(string slug, Func<string, bool> taken)
    {
        if (!taken(slug))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var id = Fit(slug, MaxLength - suffix.Length) + suffix;
            if (!taken(id))
            {
                return id;
            }
        }
    }

    /// <summary>At most <paramref name="length"/> characters, cut at a hyphen when there is one in
    /// the second half, never ending or starting with a hyphen.</summary>
    private static string Fit(string slug, int length)
    {
        slug = slug.Trim('-');
        if (slug.Length > length)
        {
            var cut = slug.LastIndexOf('-', length);
            slug = slug[..(cut > length / 2 ? cut : length)];
        }

        return slug.Trim('-');
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$")]
    private static partial Regex ValidId();
}
