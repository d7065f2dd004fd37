using Microsoft.SemanticKernel;

namespace FaqBot.Core.Safety;

/// <summary>A Semantic Kernel prompt directory (<c>skprompt.txt</c> + <c>config.json</c>),
/// rendered once into the instructions of the safety classifier.</summary>
public sealed record SafetyPrompt(string Name, string Description, string Instructions)
{
    public static async Task<SafetyPrompt> LoadAsync(string directory, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var config = PromptTemplateConfig.FromJson(await File.ReadAllTextAsync(Path.Combine(directory, "config.json"), cancellationToken));
        config.Template = await File.ReadAllTextAsync(Path.Combine(directory, "skprompt.txt"), cancellationToken);
        var template = new KernelPromptTemplateFactory().Create(config);
        var kernelArguments = new KernelArguments();
        foreach (var (name, value) in arguments)
        {
            kernelArguments[name] = value;
        }

        var text = await template.RenderAsync(new Kernel(), kernelArguments, cancellationToken);
        return new SafetyPrompt(config.Name ?? Path.GetFileName(directory), config.Description ?? "", text.Trim());
    }
}
