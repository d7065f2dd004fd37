using FaqBot.Core.Configuration;
using FaqBot.Core.Embeddings;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Privacy;
using FaqBot.Storage;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaqBot.Cli.Hosting;

/// <summary>Builds the services a command needs from the root appsettings.json (found from the
/// working directory upwards, else the copy beside the program) and environment variables.</summary>
internal static class CliHost
{
    public static IHost Build(DirectoryInfo? knowledge)
    {
        var contentRoot = ContentRoot.Locate();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot });
        builder.Configuration
            .AddJsonFile(Path.Combine(contentRoot, ContentRoot.SettingsFile), optional: false)
            .AddEnvironmentVariables();
        if (knowledge is not null)
        {
            builder.Configuration[$"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.Path)}"] = knowledge.FullName;
        }

        builder.Services.AddFaqBotCore(builder.Configuration, contentRoot);
        builder.Services.AddFaqBotEmbeddings(builder.Configuration, contentRoot); // loaded by the commands that encode, when they start
        builder.Services.AddFaqBotStorage(builder.Configuration, contentRoot);   // with the web host's key ring (keys/ in the data folder)
        builder.Services.AddAccounts(builder.Configuration);
        builder.Services.AddRedaction(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Runs a command body with validated settings; configuration and knowledge
    /// problems (and a database server that cannot be reached) become exit code 2 with the reason on standard error.</summary>
    public static async Task<int> RunAsync(DirectoryInfo? knowledge, TextWriter error, Func<IServiceProvider, Task<int>> body)
    {
        try
        {
            using var host = Build(knowledge);
            await host.StartAsync();
            var code = await body(host.Services);
            await host.StopAsync();
            return code;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("Invalid settings: " + string.Join("; ", ex.Failures));
        }
        catch (InvalidOperationException ex) when (ex.InnerException is ArgumentException or FormatException)
        {
            // The configuration binder's "Failed to convert configuration value 'x' at 'Section:Key' to type ...".
            await error.WriteLineAsync("Invalid settings: " + ex.Message);
        }
        catch (Exception ex) when (ex is KnowledgeLoadException or EmbeddingModelLoadException or DatabaseUnavailableException)
        {
            await error.WriteLineAsync(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            await error.WriteLineAsync(ex.Message);
        }

        return ExitCodes.UsageOrConfiguration;
    }
}
