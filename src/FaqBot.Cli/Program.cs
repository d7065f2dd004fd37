using System.CommandLine;
using FaqBot.Cli.Ask;
using FaqBot.Cli.Eval;
using FaqBot.Cli.Hosting;
using FaqBot.Cli.Lint;

// faqbot: ask the bot, lint the knowledge folder, score a labelled set. Exit codes: see ExitCodes.
var root = new RootCommand("FaqBot: answers clinic FAQ questions from clinician-approved snippets.")
{
    AskCommand.Create(),
    LintCommand.Create(),
    EvalCommand.Create(),
};
root.Add(CliOptions.Knowledge);

return await root.Parse(args).InvokeAsync();
