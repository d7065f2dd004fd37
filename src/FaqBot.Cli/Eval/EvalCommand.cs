using System.CommandLine;
using FaqBot.Cli.Ask;
using FaqBot.Cli.Hosting;
using FaqBot.Core.Answering;
using FaqBot.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Cli.Eval;

/// <summary><c>faqbot eval FILE.jsonl</c>: runs a labelled set through the bot and prints the
/// figures of eval/score.py; exit code 1 when a threshold is missed. Rows that share a
/// <c>conversation</c> are asked in order as one conversation.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A labelled set in the format of eval/dev.jsonl." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every miss." };
        var outputFile = new Option<FileInfo?>("--output") { Description = "Also write the bot's batch output (JSON Lines) to this file." };
        var minAnswer = Threshold("--min-answer", 0.9);
        var minUrgent = Threshold("--min-urgent", 1.0);
        var minDecline = Threshold("--min-decline", 0.95);
        var minAbstain = Threshold("--min-abstain", 0.9);
        var maxFalseDecline = Threshold("--max-false-decline", 0.05);
        var maxWrong = Threshold("--max-wrong", 1.0);
        var command = new Command("eval", "Score the bot on a labelled question set.")
        {
            file, verbose, outputFile, minAnswer, minUrgent, minDecline, minAbstain, maxFalseDecline, maxWrong,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetRequiredValue(file);
            var thresholds = new EvaluationThresholds(
                parse.GetValue(minAnswer), parse.GetValue(minUrgent), parse.GetValue(minDecline),
                parse.GetValue(minAbstain), parse.GetValue(maxFalseDecline), parse.GetValue(maxWrong));
            return CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), parse.InvocationConfiguration.Error, async services =>
            {
                if (!path.Exists)
                {
                    throw new FileNotFoundException($"No such labelled set: {path.FullName}");
                }

                var rows = LabelledQuestion.ReadAll(path.FullName);
                var answerer = services.GetRequiredService<Answerer>();
                var replies = new Dictionary<string, BotReply>(StringComparer.Ordinal);
                await using var batchOutput = parse.GetValue(outputFile) is { } target ? new StreamWriter(target.FullName) : null;
                var conversations = new Dictionary<string, ConversationContext>(StringComparer.Ordinal);
                foreach (var row in rows)
                {
                    var context = row.Conversation is { } id ? conversations.GetValueOrDefault(id, ConversationContext.None) : ConversationContext.None;
                    var answer = await answerer.AskAsync(row.Question, context, cancellationToken);
                    if (row.Conversation is { } conversation)
                    {
                        conversations[conversation] = context.After(answer);
                    }

                    replies[row.Id] = new BotReply(
                        ContractNames.Outcome(answer.Outcome),
                        ContractNames.Category(answer.Category),
                        answer.Text,
                        [.. answer.Citations.Select(c => c.SnippetId)]);
                    if (batchOutput is not null)
                    {
                        await batchOutput.WriteLineAsync(JsonlBatch.Write(row.Id, answer));
                    }
                }

                var report = EvaluationReport.Score(rows, replies);
                await output.WriteAsync(report.Format(thresholds, parse.GetValue(verbose)));
                return report.Failures(thresholds).Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
            });
        });
        return command;
    }

    private static Option<double> Threshold(string name, double value) =>
        new(name) { Description = $"Pass mark (default {value}).", DefaultValueFactory = _ => value };
}
