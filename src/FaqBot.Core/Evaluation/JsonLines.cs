using System.Text.Json;

namespace FaqBot.Core.Evaluation;

/// <summary>Reads a JSON Lines file of labelled rows: blank lines are skipped, and a line that does
/// not parse is an error naming the file and the line number.</summary>
internal static class JsonLines
{
    public static List<T> ReadAll<T>(string path, Func<string, T> parse)
    {
        var rows = new List<T>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                rows.Add(parse(line));
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                throw new FormatException($"{path}:{number}: {ex.Message}", ex);
            }
        }

        return rows;
    }
}
