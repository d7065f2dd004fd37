using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace FaqBot.Core.Knowledge;

/// <summary>Typed, field-named reads from a YAML mapping. Every failure is reported with the
/// field's dotted path; the caller decides what a missing optional field means.</summary>
internal sealed class YamlFields(YamlMappingNode mapping, FileDiagnostics diagnostics, string prefix = "")
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public FileDiagnostics Diagnostics => diagnostics;

    public string? RequiredString(string name) => String(name, required: true);

    public string? OptionalString(string name) => String(name, required: false);

    public DateOnly? Date(string name, bool required)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        diagnostics.Error(Path(name), $"'{text}' is not a date in the form YYYY-MM-DD");
        return null;
    }

    public int? PositiveInt(string name, bool required)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        diagnostics.Error(Path(name), $"'{text}' is not a positive whole number");
        return null;
    }

    public bool Bool(string name, bool defaultValue)
    {
        var text = String(name, required: false);
        if (text is null)
        {
            return defaultValue;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        diagnostics.Error(Path(name), $"'{text}' is not true or false");
        return defaultValue;
    }

    /// <summary>A list of non-empty strings; null when missing (reported if required) or malformed.</summary>
    public IReadOnlyList<string>? StringList(string name, bool required)
    {
        var node = Node(name, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            diagnostics.Error(Path(name), "must be a list");
            return null;
        }

        var items = new List<string>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            {
                items.Add(value.Trim());
            }
            else
            {
                diagnostics.Error($"{Path(name)}[{i}]", "must be a non-empty text");
            }
        }

        return items;
    }

    /// <summary>A list of lists of words (synonym groups); empty when missing or malformed.</summary>
    public IReadOnlyList<IReadOnlyList<string>> StringListList(string name)
    {
        var node = Node(name, required: true);
        if (node is not YamlSequenceNode sequence)
        {
            if (node is not null)
            {
                diagnostics.Error(Path(name), "must be a list of lists");
            }

            return [];
        }

        var lists = new List<IReadOnlyList<string>>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is not YamlSequenceNode inner)
            {
                diagnostics.Error($"{Path(name)}[{i}]", "must be a list of words");
                continue;
            }

            lists.Add(inner.Children.OfType<YamlScalarNode>()
                .Select(n => n.Value?.Trim() ?? "")
                .Where(v => v.Length > 0)
                .ToList());
        }

        return lists;
    }

    /// <summary>A mapping of texts to texts (slang and what it reads as); empty when missing or malformed.</summary>
    public Dictionary<string, string> StringMap(string name, bool required)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var node = Node(name, required);
        if (node is not YamlMappingNode mappingNode)
        {
            if (node is not null)
            {
                diagnostics.Error(Path(name), "must be a mapping of texts to texts");
            }

            return map;
        }

        foreach (var (key, value) in mappingNode.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } from } && value is YamlScalarNode { Value: { } to })
            {
                map[from] = to;
            }
            else
            {
                diagnostics.Error(Path(name), $"'{key}' must map one text to one text");
            }
        }

        return map;
    }

    public YamlFields? Mapping(string name, bool required)
    {
        var node = Node(name, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode child)
        {
            return new YamlFields(child, diagnostics, Path(name) + ".");
        }

        diagnostics.Error(Path(name), "must be a mapping of fields");
        return null;
    }

    public IReadOnlyList<YamlFields>? MappingList(string name, bool required)
    {
        var node = Node(name, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            diagnostics.Error(Path(name), "must be a list");
            return null;
        }

        var items = new List<YamlFields>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is YamlMappingNode child)
            {
                items.Add(new YamlFields(child, diagnostics, $"{Path(name)}[{i}]."));
            }
            else
            {
                diagnostics.Error($"{Path(name)}[{i}]", "must be a mapping of fields");
            }
        }

        return items;
    }

    /// <summary>Reports fields that no read asked for: usually a misspelt field name.</summary>
    public void ReportUnknownFields()
    {
        foreach (var key in mapping.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && !_read.Contains(name))
            {
                diagnostics.Error(Path(name), "unknown field (check the spelling)");
            }
        }
    }

    public string Path(string name) => prefix + name;

    private string? String(string name, bool required)
    {
        var node = Node(name, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            if (!string.IsNullOrWhiteSpace(scalar.Value))
            {
                return scalar.Value.Trim();
            }

            if (required)
            {
                diagnostics.Error(Path(name), "is empty");
            }

            return null;
        }

        diagnostics.Error(Path(name), "must be a single value");
        return null;
    }

    private YamlNode? Node(string name, bool required)
    {
        _read.Add(name);
        if (mapping.Children.TryGetValue(new YamlScalarNode(name), out var node))
        {
            return node;
        }

        if (required)
        {
            diagnostics.Error(Path(name), "is missing");
        }

        return null;
    }
}
