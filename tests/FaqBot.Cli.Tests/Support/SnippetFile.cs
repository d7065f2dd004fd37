namespace FaqBot.Cli.Tests.Support;

/// <summary>Reads a snippet file the way a person sees it: YAML front matter between '---' lines, then the answer text.</summary>
internal static class SnippetFile
{
    public static string Body(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal("---", lines[0].TrimEnd('\r'));
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd('\r') == "---");
        Assert.True(close > 0, $"{path} has no closing '---'");
        var body = string.Join('\n', lines[(close + 1)..]).Trim();
        Assert.False(string.IsNullOrEmpty(body), $"{path} has no body");
        return body;
    }

    /// <summary>The value of a top-level <c>key: value</c> line, unquoted.</summary>
    public static string Field(string path, string key)
    {
        var line = File.ReadLines(path).First(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return line[(key.Length + 1)..].Trim().Trim('"');
    }
}
