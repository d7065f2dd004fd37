using System.CommandLine;
using FaqBot.Cli.Hosting;
using FaqBot.Core.Configuration;
using FaqBot.Core.Evaluation;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Knowledge.Lint;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaqBot.Cli.Lint;

/// <summary><c>faqbot lint</c>: every problem in the knowledge folder, one per line naming the
/// file and field (and, for the lint rules of <see cref="KnowledgeLinter"/>, the rule); exit code 1
/// when any is an error, 0 for warnings alone.</summary>
internal static class LintCommand
{
    private static readonly string DefaultLabelledSet = LintSettings.DefaultLabelledSet;

    public static Command Create()
    {
        var labelled = new Option<FileInfo[]>("--labelled")
        {
            Description = "Labelled set (JSON Lines, format of eval/dev.jsonl) whose questions every served snippet should answer; repeatable. "
                + $"Default: {DefaultLabelledSet} under the content root if it exists, else the unreached-snippets rule is skipped.",
        };
        var expiringWithin = new Option<int>("--expiring-within")
        {
            Description = $"Warn about approved snippets whose review falls due within this many days (default {LintSettings.DefaultExpiringWithinDays}).",
            DefaultValueFactory = _ => LintSettings.DefaultExpiringWithinDays,
        };
        var command = new Command("lint", "Check the knowledge folder: snippets, sources, quotes, replies, vocabulary, small talk, safety rules, "
            + "colliding questions, conflicting facts, clinical advice, review dates, links, unreached snippets.")
        {
            labelled, expiringWithin,
        };
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

                var days = parse.GetValue(expiringWithin);
                if (days < 0)
                {
                    await error.WriteLineAsync("--expiring-within must be 0 or more days.");
                    return ExitCodes.UsageOrConfiguration;
                }

                var clinic = services.GetRequiredService<IOptions<ClinicOptions>>().Value;
                var today = services.GetRequiredService<TimeProvider>().Today();
                var result = KnowledgeLoader.Load(path, clinic, today);
                var sets = LabelledSets(parse.GetValue(labelled), services.GetRequiredService<IHostEnvironment>().ContentRootPath);
                var settings = new LintSettings(today, path)
                {
                    ExpiringWithinDays = days,
                    LabelledQuestions = sets.Count == 0 ? null : [.. sets.SelectMany(f => LabelledQuestion.ReadAll(f.FullName))],
                    Retrieval = services.GetRequiredService<IOptions<RetrievalOptions>>().Value,
                    Input = services.GetRequiredService<IOptions<InputOptions>>().Value,
                };
                var report = await KnowledgeLinter.LintAsync(result, settings, cancellationToken);
                foreach (var line in report.Lines.Concat(report.Notes))
                {
                    await output.WriteLineAsync(line);
                }

                await output.WriteLineAsync(Summary(path, result, report, today));
                return report.HasErrors ? ExitCodes.Failed : ExitCodes.Ok;
            });
        });
        return command;
    }

    /// <summary>The sets named on the command line (each must exist), else the default set if present.</summary>
    private static List<FileInfo> LabelledSets(FileInfo[]? named, string contentRoot)
    {
        if (named is { Length: > 0 })
        {
            var missing = named.FirstOrDefault(f => !f.Exists);
            return missing is null ? [.. named] : throw new FileNotFoundException($"No such labelled set: {missing.FullName}");
        }

        var fallback = new FileInfo(Path.Combine(contentRoot, DefaultLabelledSet));
        return fallback.Exists ? [fallback] : [];
    }

    private static string Summary(string path, KnowledgeLoadResult result, LintReport report, DateOnly today)
    {
        var verdict = report.HasErrors ? "FAILED" : "OK";
        var counts = $"{report.ErrorCount} error(s), {report.WarningCount} warning(s)";
        if (result.Knowledge is not { } kb)
        {
            return $"{verdict}: {path} cannot be served; {counts}.";
        }

        var served = kb.Snippets.Count(s => s.IsServable(today));
        var samples = kb.Snippets.Count(s => s.Sample);
        var sampleNote = samples > 0 ? $" {samples} snippet(s) carry sample approvals that need clinical review before real use." : "";
        return $"{verdict}: {path}: {kb.Snippets.Count} valid snippet(s), {served} served today, {kb.Sources.Count} source(s); "
            + $"{counts}.{sampleNote}";
    }
}
