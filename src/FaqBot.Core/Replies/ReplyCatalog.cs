using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;

namespace FaqBot.Core.Replies;

/// <summary>The fixed replies of one knowledge snapshot, read from <c>knowledge/replies/*.md</c>.</summary>
public sealed class ReplyCatalog
{
    private static readonly string[] RuntimePlaceholders = ["limit", "problems", "staff", "opens"];

    private readonly Dictionary<string, ApprovedReply> _replies;

    private ReplyCatalog(Dictionary<string, ApprovedReply> replies) => _replies = replies;

    public ApprovedReply this[string id] => _replies.TryGetValue(id, out var reply)
        ? reply
        : throw new KeyNotFoundException($"No approved reply '{id}' in knowledge/replies.");

    public IEnumerable<ApprovedReply> All => _replies.Values;

    public bool Contains(string id) => _replies.ContainsKey(id);

    internal static ReplyCatalog? Load(string directory, string displayRoot, ClinicOptions clinic, List<KnowledgeDiagnostic> sink)
    {
        var values = ClinicPlaceholders(clinic);
        var replies = new Dictionary<string, ApprovedReply>(StringComparer.Ordinal);
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.md") : [];
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var path in files)
        {
            var diagnostics = new FileDiagnostics(Path.GetRelativePath(displayRoot, path), sink);
            var reply = LoadOne(path, values, diagnostics);
            if (reply is not null && !replies.TryAdd(reply.Id, reply))
            {
                diagnostics.Error("id", $"duplicate reply id '{reply.Id}'");
            }
        }

        var folder = new FileDiagnostics(Path.GetRelativePath(displayRoot, directory), sink);
        foreach (var id in ReplyIds.Required.Where(id => !replies.ContainsKey(id)))
        {
            folder.Error(id, $"required reply is missing (expected {id}.md)");
        }

        return folder.HasErrors ? null : new ReplyCatalog(replies);
    }

    private static ApprovedReply? LoadOne(string path, Dictionary<string, string> values, FileDiagnostics diagnostics)
    {
        var frontMatter = FrontMatter.Parse(File.ReadAllText(path), diagnostics);
        if (frontMatter is null)
        {
            return null;
        }

        var fields = new YamlFields(frontMatter.Fields, diagnostics);
        var id = fields.RequiredString("id");
        var version = fields.PositiveInt("version", required: true);
        var status = fields.RequiredString("status");
        fields.RequiredString("approvedBy");
        fields.Date("approvedOn", required: true);
        fields.Bool("sample", defaultValue: false);
        fields.ReportUnknownFields();

        if (status is not null && status != "approved")
        {
            diagnostics.Error("status", $"'{status}': a fixed reply must be approved before it is used");
        }

        if (id is not null && id != Path.GetFileNameWithoutExtension(path))
        {
            diagnostics.Error("id", $"'{id}' does not match the file name '{Path.GetFileName(path)}'");
        }

        var text = Fill(frontMatter.Body.Trim(), values, diagnostics);
        if (text.Length == 0)
        {
            diagnostics.Error("body", "the reply text is empty");
        }

        return diagnostics.HasErrors || id is null || version is null ? null : new ApprovedReply(id, version.Value, text);
    }

    private static string Fill(string text, Dictionary<string, string> values, FileDiagnostics diagnostics)
    {
        var start = text.IndexOf("{{", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOf("}}", start, StringComparison.Ordinal);
            if (end < 0)
            {
                diagnostics.Error("body", "a '{{' placeholder is not closed with '}}'");
                return text;
            }

            var name = text[(start + 2)..end].Trim();
            if (values.TryGetValue(name, out var value))
            {
                text = string.Concat(text.AsSpan(0, start), value, text.AsSpan(end + 2));
                start = text.IndexOf("{{", start + value.Length, StringComparison.Ordinal);
                continue;
            }

            if (!RuntimePlaceholders.Contains(name))
            {
                diagnostics.Error("body", $"unknown placeholder '{{{{{name}}}}}'; known: {string.Join(", ", values.Keys.Concat(RuntimePlaceholders))}");
            }

            start = text.IndexOf("{{", end, StringComparison.Ordinal);
        }

        return text;
    }

    private static Dictionary<string, string> ClinicPlaceholders(ClinicOptions clinic) => new(StringComparer.Ordinal)
    {
        ["clinic.name"] = clinic.Name,
        ["clinic.phone"] = clinic.Phone,
        ["clinic.address"] = clinic.Address,
        ["clinic.hours"] = clinic.Hours,
        ["clinic.emergency"] = clinic.EmergencyNumber,
        ["clinic.crisis"] = clinic.CrisisLine,
        ["clinic.website"] = clinic.Website,
    };
}
