using System.CommandLine;
using FaqBot.Cli.Hosting;
using FaqBot.Core.Evaluation;
using FaqBot.Core.Generation;
using FaqBot.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Cli.Eval;

/// <summary><c>faqbot eval-verifier FILE.jsonl</c>: runs a set of constructed model answers
/// (faithful and corrupted) through the answer verifier and prints the share of faithful answers
/// kept and of corrupted answers caught; exit code 1 when a pass mark is missed. No model is needed.</summary>
internal static class VerifierEvalCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A verifier set in the format of tests/labelled/generated-answers.jsonl." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every faithful answer refused and every corrupted answer kept." };
        var minCaught = new Option<double>("--min-caught") { Description = "Pass mark for the share of corrupted answers caught (default 0.95).", DefaultValueFactory = _ => 0.95 };
        var minKept = new Option<double>("--min-kept") { Description = "Pass mark for the share of faithful answers kept (default 0.5).", DefaultValueFactory = _ => 0.5 };
        var maxUnsupported = new Option<int>("--max-unsupported") { Description = "Content words a sentence may have that its snippet lacks (default 0, as the bot runs).", DefaultValueFactory = _ => 0 };
        var command = new Command("eval-verifier", "Measure the verifier of generated answers on constructed faithful and corrupted answers.")
        {
            file, verbose, minCaught, minKept, maxUnsupported,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            return CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), parse.InvocationConfiguration.Error, async services =>
            {
                if (!path.Exists)
                {
                    throw new FileNotFoundException($"No such verifier set: {path.FullName}");
                }

                var knowledge = services.GetRequiredService<KnowledgeHolder>().Current;
                var report = VerifierReport.Run(LabelledGeneration.ReadAll(path.FullName), knowledge, new AnswerVerifier(parse.GetValue(maxUnsupported)));
                await parse.InvocationConfiguration.Output.WriteAsync(report.Format(parse.GetValue(verbose)));
                return report.CaughtShare >= parse.GetValue(minCaught) && report.KeptShare >= parse.GetValue(minKept) ? ExitCodes.Ok : ExitCodes.Failed;
            });
        });
        return command;
    }
}
