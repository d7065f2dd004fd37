using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FaqBot.Core.Knowledge;

/// <summary>A knowledge file split into its YAML front matter and the text after it.</summary>
internal sealed record FrontMatter(YamlMappingNode Fields, string Body)
{
    private const string Fence = "---";

    /// <summary>Parses <c>---</c>-fenced YAML at the top of a file. The body is kept byte for byte.</summary>
    public static FrontMatter? Parse(string text, FileDiagnostics diagnostics)
    {
        var firstLineEnd = text.IndexOf('\n');
        if (firstLineEnd < 0 || text[..firstLineEnd].TrimEnd('\r') != Fence)
        {
            diagnostics.Error("front matter", "the file must start with a '---' line opening the YAML front matter");
            return null;
        }

        var yamlStart = firstLineEnd + 1;
        var cursor = yamlStart;
        while (cursor < text.Length)
        {
            var lineEnd = text.IndexOf('\n', cursor);
            var line = lineEnd < 0 ? text[cursor..] : text[cursor..lineEnd];
            if (line.TrimEnd('\r') == Fence)
            {
                var body = lineEnd < 0 ? "" : text[(lineEnd + 1)..];
                var mapping = ParseYaml(text[yamlStart..cursor], diagnostics);
                return mapping is null ? null : new FrontMatter(mapping, body);
            }

            if (lineEnd < 0)
            {
                break;
            }

            cursor = lineEnd + 1;
        }

        diagnostics.Error("front matter", "no closing '---' line after the YAML front matter");
        return null;
    }

    /// <summary>Reads a whole YAML file (retrieval.yaml, smalltalk.yaml, safety rules). A missing
    /// file is an error unless it is optional.</summary>
    internal static YamlMappingNode? ReadYamlFile(string path, FileDiagnostics diagnostics, bool required = true)
    {
        if (File.Exists(path))
        {
            return ParseYaml(File.ReadAllText(path), diagnostics);
        }

        if (required)
        {
            diagnostics.Error("", "the file is missing");
        }

        return null;
    }

    internal static YamlMappingNode? ParseYaml(string yaml, FileDiagnostics diagnostics)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                diagnostics.Error("front matter", "the YAML must be a mapping of field names to values");
                return null;
            }

            return mapping;
        }
        catch (YamlException ex)
        {
            // Line numbers are counted from the first line of the YAML block (the line after '---').
            diagnostics.Error("front matter", $"bad YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, not a YamlException, for some malformed input
            // (an unclosed '[' list that runs onto the next line), without a position.
            diagnostics.Error("front matter", "bad YAML: it could not be read (check for an unclosed '[' or '{')");
            return null;
        }
    }
}
