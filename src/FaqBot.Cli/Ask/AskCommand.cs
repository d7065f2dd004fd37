using System.CommandLine;
using FaqBot.Cli.Hosting;
using FaqBot.Core.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Cli.Ask;

/// <summary><c>faqbot ask "question"</c> answers one question for a person to read;
/// <c>faqbot ask --jsonl</c> runs the batch contract over standard input.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string?>("question") { Description = "The question, in quotes.", Arity = ArgumentArity.ZeroOrOne };
        var jsonl = new Option<bool>("--jsonl") { Description = "Read JSON Lines {\"id\", \"question\"} from standard input; write one JSON line per input line." };
        var trace = new Option<bool>("--trace") { Description = "Also print how the answer was chosen: terms, candidates, scores, decision, timings." };
        var command = new Command("ask", "Answer a question from the approved snippets.") { question, jsonl, trace };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var text = parse.GetValue(question);
            var batch = parse.GetValue(jsonl);
            if (batch == text is not null)
            {
                error.WriteLine(batch
                    ? "Give either a question or --jsonl, not both."
                    : "Give a question, e.g. faqbot ask \"Can I drive home after my infusion?\", or --jsonl to read standard input.");
                return Task.FromResult(ExitCodes.UsageOrConfiguration);
            }

            return CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), error, async services =>
            {
                var answerer = services.GetRequiredService<Answerer>();
                if (batch)
                {
                    await JsonlBatch.RunAsync(Console.In, output, answerer, cancellationToken);
                    return ExitCodes.Ok;
                }

                var answer = await answerer.AskAsync(text, cancellationToken);
                await output.WriteAsync(AnswerPrinter.Format(answer, parse.GetValue(trace)));
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
