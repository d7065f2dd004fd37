using FaqBot.Core.Ai;

namespace FaqBot.Core.Safety;

/// <summary>The safety classifier's prompt directory, rendered once into its instructions;
/// <see cref="Version"/> names it in traces (see <see cref="PromptDirectory.Version"/>).</summary>
public sealed record SafetyPrompt(string Name, string Version, string Description, string Instructions)
{
    public static async Task<SafetyPrompt> LoadAsync(string directory, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var prompt = await PromptDirectory.LoadAsync(directory, cancellationToken);
        return new SafetyPrompt(prompt.Name, prompt.Version, prompt.Description, await prompt.RenderAsync(arguments, cancellationToken));
    }
}
