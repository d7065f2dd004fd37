using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;

namespace FaqBot.Core.Ai;

/// <summary>
/// A Semantic Kernel prompt directory (<c>Name/skprompt.txt</c> + <c>Name/config.json</c>), parsed
/// once and rendered with Semantic Kernel's template engine. <see cref="Version"/> names it in
/// traces: the number its description starts with ("Version 2. ...") and a hash of both files,
/// so an edit that forgot to bump the number still shows.
/// </summary>
public sealed partial class PromptDirectory
{
    private readonly IPromptTemplate _template;

    private PromptDirectory(string name, string description, string version, IPromptTemplate template)
    {
        Name = name;
        Description = description;
        Version = version;
        _template = template;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>"Answer v1 #1a2b3c4d": name, declared version, first 8 hex digits of the SHA-256 of both files.</summary>
    public string Version { get; }

    public static async Task<PromptDirectory> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(directory, "config.json"), cancellationToken);
        var text = await File.ReadAllTextAsync(Path.Combine(directory, "skprompt.txt"), cancellationToken);
        var config = PromptTemplateConfig.FromJson(json);
        config.Template = text;
        var name = config.Name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        var description = config.Description ?? "";
        var declared = DeclaredVersion().Match(description) is { Success: true } m ? " v" + m.Groups[1].Value : "";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json + "\0" + text)))[..8];
        return new PromptDirectory(name, description, $"{name}{declared} #{hash}", new KernelPromptTemplateFactory().Create(config));
    }

    public async Task<string> RenderAsync(IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var kernelArguments = new KernelArguments();
        foreach (var (name, value) in arguments)
        {
            kernelArguments[name] = value;
        }

        return (await _template.RenderAsync(new Kernel(), kernelArguments, cancellationToken)).Trim();
    }

    [GeneratedRegex(@"^\s*Version\s+(\d+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredVersion();
}
