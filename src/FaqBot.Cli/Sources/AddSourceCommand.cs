using System.CommandLine;
using FaqBot.Cli.Hosting;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Cli.Sources;

/// <summary><c>faqbot sources add PATH [--title T] [--id ID] [--publisher P] [--url U]</c>: imports
/// one document into the knowledge folder's <c>sources/</c> and prints its id. A refused document
/// prints the reason on standard error and exits 1; bad arguments (an invalid id or url, no
/// publisher, no such file) exit 2. Nothing is written unless the import succeeds.</summary>
internal static class AddSourceCommand
{
    public static Command Create()
    {
        var path = new Argument<FileInfo>("PATH") { Description = $"The document to import: {string.Join(", ", SourceFormats.Extensions)}." };
        var title = new Option<string?>("--title") { Description = "Its title (default: the document's own title, else the file name)." };
        var id = new Option<string?>("--id") { Description = "Its source id, the name snippets quote it by (default: made from the title)." };
        var publisher = new Option<string?>("--publisher") { Description = "Who published it (default: Clinic:Name)." };
        var url = new Option<string?>("--url") { Description = "Where it was published (http or https)." };
        var command = new Command("add", "Import a document (PDF, Word, HTML, Markdown or text) as a source snippets can quote; prints its id.")
        {
            path, title, id, publisher, url,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), error, async services =>
            {
                var knowledge = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Path;
                if (!Directory.Exists(knowledge))
                {
                    await error.WriteLineAsync($"No knowledge folder at {knowledge}.");
                    return ExitCodes.UsageOrConfiguration;
                }

                var file = parse.GetValue(path)!;
                if (!file.Exists)
                {
                    await error.WriteLineAsync($"No such file: {file.FullName}");
                    return ExitCodes.UsageOrConfiguration;
                }

                var clinic = services.GetRequiredService<IOptions<ClinicOptions>>().Value.Name;
                var details = new SourceDetails(
                    parse.GetValue(publisher) ?? (string.IsNullOrWhiteSpace(clinic) ? null : clinic),
                    parse.GetValue(title), parse.GetValue(id), parse.GetValue(url));
                try
                {
                    await using var content = file.OpenRead();
                    var source = await services.GetRequiredService<SourceImporter>().ImportFileAsync(file.Name, content, details, cancellationToken);
                    await output.WriteLineAsync(source.Id);
                    return ExitCodes.Ok;
                }
                catch (SourceImportException ex)
                {
                    await error.WriteLineAsync(ex.Reason == SourceImportFailure.MissingPublisher ? ex.Message + " Give --publisher." : ex.Message);
                    return ex.Reason is SourceImportFailure.InvalidId or SourceImportFailure.InvalidUrl or SourceImportFailure.MissingPublisher
                        ? ExitCodes.UsageOrConfiguration
                        : ExitCodes.Failed;
                }
            });
        });
        return command;
    }
}
