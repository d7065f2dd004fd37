using System.CommandLine;
using System.Globalization;
using FaqBot.Cli.Hosting;
using FaqBot.Core.Evaluation;
using FaqBot.Core.Privacy;

namespace FaqBot.Cli.Eval;

/// <summary><c>faqbot train-names --output FILE SETS...</c>: trains the statistical name model the
/// redactor reads names with (see <see cref="NameModelTraining"/>) on privacy sets (names labelled)
/// and question sets (no names), prints the cross-validated figures per threshold and writes the
/// model with the threshold given. The project's model is
/// <c>src/FaqBot.Core/Privacy/Resources/name-model.bin</c>; the command that made it is in docs/reliability.md.</summary>
internal static class TrainNamesCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Privacy sets (names labelled) and question sets (no names).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the model.", Required = true };
        var threshold = new Option<double>("--threshold") { Description = "Least probability read as a name (default 0.7).", DefaultValueFactory = _ => 0.7 };
        var l2 = new Option<double>("--l2") { Description = "L2 regularisation (default 0.01).", DefaultValueFactory = _ => 0.01 };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds (default 5).", DefaultValueFactory = _ => 5 };
        var command = new Command("train-names", "Train the redactor's statistical name model on labelled messages.")
        {
            files, output, threshold, l2, folds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var chosen = parse.GetValue(threshold);
            if (chosen is <= 0 or >= 1 || parse.GetValue(folds) < 2 || parse.GetValue(l2) < 0)
            {
                await error.WriteLineAsync("--threshold must be between 0 and 1, --folds at least 2, --l2 not negative.");
                return ExitCodes.UsageOrConfiguration;
            }

            var messages = new List<LabelledRedaction>();
            foreach (var path in parse.GetRequiredValue(files))
            {
                if (!path.Exists)
                {
                    await error.WriteLineAsync($"No such labelled set: {path.FullName}");
                    return ExitCodes.UsageOrConfiguration;
                }

                messages.AddRange(LabelledRedaction.ReadAll(path.FullName));
            }

            var training = NameModelTraining.Run(messages, parse.GetValue(l2), parse.GetValue(folds), step => error.WriteLine(step));
            var console = parse.InvocationConfiguration.Output;
            await console.WriteAsync(training.Report);
            var target = parse.GetRequiredValue(output);
            var temporary = target.FullName + ".tmp";
            await using (var stream = File.Create(temporary))
            {
                training.Write(stream, chosen);
            }

            File.Move(temporary, target.FullName, overwrite: true);
            await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote {target.FullName} (threshold {chosen})"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
