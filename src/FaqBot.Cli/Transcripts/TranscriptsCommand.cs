using System.CommandLine;
using FaqBot.Cli.Hosting;
using FaqBot.Cli.Users;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Transcripts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Cli.Transcripts;

/// <summary><c>faqbot transcripts</c>: purge old transcripts, delete one conversation (a patient's
/// deletion request), export a conversation or a filtered list, encrypt text stored in plain.
/// Purges, deletions, exports and protection runs are written to the audit log as
/// <c>cli:&lt;OS user&gt;</c>. Patient text is read with the key ring of the data folder, as the web
/// host reads it.</summary>
internal static class TranscriptsCommand
{
    public static Command Create() => new("transcripts", "Stored conversations: purge, delete, export, protect.")
    {
        Purge(),
        Delete(),
        TranscriptExportCommand.Create(),
        TranscriptProtectCommand.Create(),
    };

    private static Command Purge()
    {
        var days = new Option<int?>("--older-than-days") { Description = "Purge conversations idle longer than this (default: Transcripts:RetentionDays)." };
        var command = new Command("purge", "Delete every conversation whose last activity is older than the retention period.") { days };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), parse.InvocationConfiguration.Error, async services =>
        {
            var retention = parse.GetValue(days) ?? services.GetRequiredService<IOptions<TranscriptOptions>>().Value.RetentionDays;
            if (retention < 1)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--older-than-days must be at least 1.");
                return ExitCodes.UsageOrConfiguration;
            }

            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var purged = await services.GetRequiredService<ITranscriptStore>().PurgeAsync(now.AddDays(-retention), ct);
            await services.GetRequiredService<AuditLog>().AppendAsync(UsersCommand.Actor, "transcripts.purge", "", $"{purged} older than {retention} days", ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Purged {purged} conversation(s) idle for more than {retention} day(s).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Delete()
    {
        var conversation = new Option<string>("--conversation") { Description = "The conversation id.", Required = true };
        var command = new Command("delete", "Delete one conversation and everything stored about it.") { conversation };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), parse.InvocationConfiguration.Error, async services =>
        {
            var id = parse.GetValue(conversation)!;
            if (await services.GetRequiredService<ITranscriptStore>().DeleteConversationAsync(id, ct))
            {
                await services.GetRequiredService<AuditLog>().AppendAsync(UsersCommand.Actor, "conversation.delete", id, "", ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Deleted conversation {id}.");
                return ExitCodes.Ok;
            }

            await parse.InvocationConfiguration.Error.WriteLineAsync($"No stored conversation {id}.");
            return ExitCodes.Failed;
        }));
        return command;
    }
}
