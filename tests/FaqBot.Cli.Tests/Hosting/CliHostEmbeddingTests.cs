using FaqBot.Cli.Hosting;
using FaqBot.Core.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Cli.Tests.Hosting;

/// <summary>The command line's sentence encoder: registered as the web host's is, loaded only by a
/// command that encodes, and a model that cannot load is a settings error (exit 2) that names the
/// setting turning it off.</summary>
public sealed class CliHostEmbeddingTests
{
    [Fact]
    public void The_encoder_is_registered_and_not_loaded_until_a_command_needs_it()
    {
        using var host = CliHost.Build(knowledge: null);

        Assert.True(host.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(IEmbeddingGenerator<string, Embedding<float>>)));
    }

    [Fact]
    public async Task A_model_that_cannot_load_is_a_settings_error_naming_the_setting()
    {
        var broken = SentenceModel.MiniLm with { Load = _ => throw new DllNotFoundException("Unable to load shared library 'onnxruntime'") };
        using var error = new StringWriter();

        var code = await CliHost.RunAsync(null, error, _ =>
        {
            using var encoder = EmbeddedSentenceEncoder.Load(broken, new EmbeddingOptions()); // as a command that encodes would, at its start
            return Task.FromResult(ExitCodes.Ok);
        });

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("Embeddings:Model to None", error.ToString(), StringComparison.Ordinal);
    }
}
