using System.CommandLine;
using FaqBot.Cli.Handoffs;
using FaqBot.Cli.Ask;
using FaqBot.Cli.Eval;
using FaqBot.Cli.Hosting;
using FaqBot.Cli.Lint;
using FaqBot.Cli.Sources;
using FaqBot.Cli.Transcripts;
using FaqBot.Cli.Users;

// faqbot: ask the bot, lint the knowledge folder, import and list its sources, score a labelled set, manage stored transcripts. Exit codes: see ExitCodes.
var root = new RootCommand("FaqBot: answers clinic FAQ questions from clinician-approved snippets.")
{
    AskCommand.Create(),
    LintCommand.Create(),
    SourcesCommand.Create(),
    EvalCommand.Create(),
    CalibrateCommand.Create(),
    VerifierEvalCommand.Create(),
    RedactionEvalCommand.Create(),
    TrainNamesCommand.Create(),
    TranscriptsCommand.Create(),
    HandoffsCommand.Create(),
    UsersCommand.Create(),
};
root.Add(CliOptions.Knowledge);

return await root.Parse(args).InvokeAsync();
