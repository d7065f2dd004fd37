using System.CommandLine;
using FaqBot.Cli.Hosting;
using FaqBot.Core.Answering;
using FaqBot.Core.Evaluation;
using FaqBot.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Cli.Eval;

/// <summary><c>faqbot calibrate FILE.jsonl...</c>: runs the answerable and out-of-scope questions of
/// labelled sets through hybrid ranking and proposes the calibration and thresholds of
/// <c>Retrieval:Hybrid</c>, with out-of-fold figures (see <see cref="ConfidenceCalibration"/>).
/// Questions the safety gate declines, and out-of-scope questions that are themselves examples in
/// <c>knowledge/out-of-scope.yaml</c>, are left out.</summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Labelled question sets with a snippet on each answerable row.", Arity = ArgumentArity.OneOrMore };
        var maxWrong = new Option<double>("--max-wrong") { Description = "Most wrong answers, as a share of the answers given (default 0.03).", DefaultValueFactory = _ => 0.03 };
        var clarifyUseful = new Option<double>("--clarify-useful") { Description = "Least share of clarifications that offer the right snippet (default 0.5).", DefaultValueFactory = _ => 0.5 };
        var command = new Command("calibrate", "Propose hybrid ranking's calibration and thresholds from labelled sets.")
        {
            files, maxWrong, clarifyUseful,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), error, async services =>
            {
                var knowledge = services.GetRequiredService<KnowledgeHolder>().Current;
                var learned = knowledge.OutOfScope.All.Select(e => e.Text.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var answerer = services.GetRequiredService<Answerer>();
                var rows = new List<CalibrationRow>();
                int declined = 0, skipped = 0, lexical = 0;
                foreach (var path in parse.GetRequiredValue(files))
                {
                    if (!path.Exists)
                    {
                        throw new FileNotFoundException($"No such labelled set: {path.FullName}");
                    }

                    foreach (var row in LabelledQuestion.ReadAll(path.FullName).Where(r => r.Expect is "answered" or "unanswered"))
                    {
                        var outOfScope = row.Expect == "unanswered";
                        if (outOfScope && learned.Contains(row.Question.Trim()) || !outOfScope && row.Snippets.Count == 0)
                        {
                            skipped++;
                            continue;
                        }

                        var answer = await answerer.AskAsync(row.Question, cancellationToken);
                        if (answer.Outcome == AnswerOutcome.Declined)
                        {
                            declined++;
                            continue;
                        }

                        var candidates = answer.Trace.Candidates.Where(c => c.Score is not null).ToList();
                        if (candidates.Count == 0)
                        {
                            lexical += answer.Trace.Candidates.Count > 0 ? 1 : 0;
                            rows.Add(new CalibrationRow(0, false, outOfScope, []));
                            continue;
                        }

                        var scored = candidates.Select(c => (c.Score!.Value, !outOfScope && row.Snippets.Contains(c.SnippetId))).ToList();
                        rows.Add(new CalibrationRow(scored[0].Value, scored[0].Item2, outOfScope, scored));
                    }
                }

                if (lexical > 0)
                {
                    await error.WriteLineAsync($"{lexical} questions were ranked lexically (is hybrid ranking on, with a sentence encoder?)");
                }

                await output.WriteLineAsync($"{rows.Count} questions ({declined} declined by the safety gate and {skipped} learned from or without a snippet, left out)");
                await output.WriteAsync(ConfidenceCalibration.Format(ConfidenceCalibration.Run(rows, parse.GetValue(maxWrong), parse.GetValue(clarifyUseful))));
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
