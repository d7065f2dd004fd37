using System.Net;
using System.Text.RegularExpressions;

namespace FaqBot.Web.Tests.TestSupport;

/// <summary>Reads the named inputs, text areas and selected options of the first form with fields
/// on a page, as a browser would submit them unchanged.</summary>
public static partial class FormFields
{
    public static Dictionary<string, string> Read(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in Input().Matches(html))
        {
            var tag = input.Value;
            if (Attribute(tag, "name") is { } name && name != "__RequestVerificationToken")
            {
                fields[name] = Attribute(tag, "value") ?? "";
            }
        }

        foreach (Match area in TextArea().Matches(html))
        {
            fields[area.Groups["name"].Value] = WebUtility.HtmlDecode(area.Groups["text"].Value);
        }

        foreach (Match select in Select().Matches(html))
        {
            var chosen = Selected().Match(select.Groups["options"].Value);
            fields[select.Groups["name"].Value] = chosen.Success ? WebUtility.HtmlDecode(chosen.Groups["value"].Value) : "";
        }

        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"(?<v>[^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<textarea\\b[^>]*\\sname=\"(?<name>[^\"]+)\"[^>]*>(?<text>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();

    [GeneratedRegex("<select\\b[^>]*\\sname=\"(?<name>[^\"]+)\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option\\b[^>]*value=\"(?<value>[^\"]*)\"[^>]*selected[^>]*>")]
    private static partial Regex Selected();
}
