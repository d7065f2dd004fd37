using System.Globalization;
using System.Text.Json;
using FaqBot.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace FaqBot.Bench;

/// <summary>The Clinic and Retrieval sections of the repository's appsettings.json, bound the way
/// the hosts bind them (the JSON is flattened into an in-memory configuration, because the JSON
/// configuration provider is not among Core's dependencies); input limits are the defaults.</summary>
internal static class BenchSettings
{
    private static readonly Lazy<IConfiguration> Configuration = new(Read);

    public static ClinicOptions Clinic() =>
        Configuration.Value.GetSection(ClinicOptions.Section).Get<ClinicOptions>() ?? new ClinicOptions();

    public static RetrievalOptions Retrieval() =>
        Configuration.Value.GetSection(RetrievalOptions.Section).Get<RetrievalOptions>() ?? new RetrievalOptions();

    public static InputOptions Input() => new();

    private static IConfiguration Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.AppSettings));
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(document.RootElement, null, values);
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static void Flatten(JsonElement element, string? key, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, key is null ? property.Name : key + ConfigurationPath.KeyDelimiter + property.Name, values);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, key + ConfigurationPath.KeyDelimiter + index.ToString(CultureInfo.InvariantCulture), values);
                    index++;
                }

                break;
            case JsonValueKind.String:
                values[key ?? ""] = element.GetString();
                break;
            case JsonValueKind.Null:
                values[key ?? ""] = null;
                break;
            default:
                values[key ?? ""] = element.GetRawText();
                break;
        }
    }
}
