using System.CommandLine;
using System.Globalization;
using FaqBot.Cli.Hosting;
using FaqBot.Core.Evaluation;
using FaqBot.Core.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Cli.Eval;

/// <summary><c>faqbot eval-redaction FILE.jsonl...</c>: runs labelled messages through the
/// configured redactor and prints the share of personal details stored in clear and the share of
/// messages in which ordinary words were redacted (a question set counts every redaction as one);
/// exit code 1 when a pass mark is missed.</summary>
internal static class RedactionEvalCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Privacy sets (tests/labelled/privacy-*.jsonl) or question sets.", Arity = ArgumentArity.OneOrMore };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every detail stored in clear and every false redaction." };
        var maxInClear = new Option<double>("--max-in-clear") { Description = "Pass mark: share of details stored in clear (default 0.05).", DefaultValueFactory = _ => 0.05 };
        var nameModel = new Option<FileInfo?>("--name-model") { Description = "Read names with this name model (from faqbot train-names) instead of the configured redactor's." };
        var maxFalse = new Option<double>("--max-false") { Description = "Pass mark: share of messages with ordinary words redacted (default 0.01).", DefaultValueFactory = _ => 0.01 };
        var command = new Command("eval-redaction", "Measure the redaction of personal details on labelled messages.")
        {
            files, verbose, maxInClear, maxFalse, nameModel,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var paths = parse.GetRequiredValue(files);
            return CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), parse.InvocationConfiguration.Error, async services =>
            {
                var model = parse.GetValue(nameModel);
                var redactor = model is null ? services.GetRequiredService<Redactor>()
                    : Redactor.WithNameModel(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RedactionOptions>>().Value, model.FullName);
                var passed = true;
                var output = parse.InvocationConfiguration.Output;
                foreach (var path in paths)
                {
                    if (!path.Exists)
                    {
                        throw new FileNotFoundException($"No such labelled set: {path.FullName}");
                    }

                    var report = RedactionReport.Run(LabelledRedaction.ReadAll(path.FullName), redactor);
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{path.Name}: {report.Messages.Count} messages, {report.Details.Count} details"));
                    await output.WriteAsync(report.Format(parse.GetValue(verbose)));
                    passed &= report.InClearShare <= parse.GetValue(maxInClear) && report.FalseRedactionShare <= parse.GetValue(maxFalse);
                }

                return passed ? ExitCodes.Ok : ExitCodes.Failed;
            });
        });
        return command;
    }
}
