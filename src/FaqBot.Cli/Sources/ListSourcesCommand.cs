using System.CommandLine;
using System.Globalization;
using FaqBot.Cli.Hosting;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Knowledge.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Cli.Sources;

/// <summary><c>faqbot sources list</c>: every source of the knowledge folder, one tab-separated row
/// each: id, title, publisher, received, characters of text, snippets served today that quote it,
/// and drafts that quote it. A folder that cannot be loaded exits 2 with its errors.</summary>
internal static class ListSourcesCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List the sources: id, title, publisher, received, length, and the served snippets and drafts quoting each.");
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), error, async services =>
            {
                var path = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Path;
                if (!Directory.Exists(path))
                {
                    await error.WriteLineAsync($"No knowledge folder at {path}.");
                    return ExitCodes.UsageOrConfiguration;
                }

                var today = services.GetRequiredService<TimeProvider>().Today();
                var load = KnowledgeLoader.Load(path, services.GetRequiredService<IOptions<ClinicOptions>>().Value, today);
                if (load.Knowledge is not { } knowledge)
                {
                    foreach (var diagnostic in load.Diagnostics.Where(d => d.IsError))
                    {
                        await error.WriteLineAsync(diagnostic.ToString());
                    }

                    await error.WriteLineAsync($"{path} cannot be loaded, so its sources cannot be listed (faqbot lint shows every problem).");
                    return ExitCodes.UsageOrConfiguration;
                }

                await output.WriteLineAsync("id\ttitle\tpublisher\treceived\tcharacters\tserved\tdrafts");
                foreach (var row in SourceListing.List(knowledge, today))
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{row.Id}\t{row.Title}\t{row.Publisher}\t{row.Received:yyyy-MM-dd}\t{row.TextLength}\t{row.Served}\t{row.Drafts}"));
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
