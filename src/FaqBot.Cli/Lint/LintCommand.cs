using System.CommandLine;
using FaqBot.Cli.Hosting;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Cli.Lint;

/// <summary><c>faqbot lint</c>: every problem in the knowledge folder, one per line naming the
/// file and field; exit code 1 when any is an error.</summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var command = new Command("lint", "Check the knowledge folder: snippets, sources, quotes, replies, vocabulary, small talk.");
        command.SetAction((parse, _) =>
        {
            var output = parse.InvocationConfiguration.Output;
            return CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), parse.InvocationConfiguration.Error, services =>
            {
                var path = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Path;
                if (!Directory.Exists(path))
                {
                    parse.InvocationConfiguration.Error.WriteLine($"No knowledge folder at {path}.");
                    return Task.FromResult(ExitCodes.UsageOrConfiguration);
                }

                var clinic = services.GetRequiredService<IOptions<ClinicOptions>>().Value;
                var today = services.GetRequiredService<TimeProvider>().Today();
                var result = KnowledgeLoader.Load(path, clinic, today);
                foreach (var diagnostic in result.Diagnostics)
                {
                    output.WriteLine(diagnostic);
                }

                output.WriteLine(Summary(path, result, today));
                return Task.FromResult(result.HasErrors ? ExitCodes.Failed : ExitCodes.Ok);
            });
        });
        return command;
    }

    private static string Summary(string path, KnowledgeLoadResult result, DateOnly today)
    {
        var warnings = result.Diagnostics.Count - result.ErrorCount;
        var verdict = result.HasErrors ? "FAILED" : "OK";
        if (result.Knowledge is not { } kb)
        {
            return $"{verdict}: {path} cannot be served; {result.ErrorCount} error(s), {warnings} warning(s).";
        }

        var served = kb.Snippets.Count(s => s.IsServable(today));
        var samples = kb.Snippets.Count(s => s.Sample);
        var sampleNote = samples > 0 ? $" {samples} snippet(s) carry sample approvals that need clinical review before real use." : "";
        return $"{verdict}: {path}: {kb.Snippets.Count} valid snippet(s), {served} served today, {kb.Sources.Count} source(s); "
            + $"{result.ErrorCount} error(s), {warnings} warning(s).{sampleNote}";
    }
}
