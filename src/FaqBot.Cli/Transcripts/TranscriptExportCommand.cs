using System.CommandLine;
using System.Globalization;
using FaqBot.Cli.Hosting;
using FaqBot.Cli.Users;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Transcripts;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Cli.Transcripts;

/// <summary><c>faqbot transcripts export</c>: one conversation as an Emulator <c>.transcript</c>
/// file, or the conversation list (with the reviewer workspace's filters) as CSV.</summary>
internal static class TranscriptExportCommand
{
    public static Command Create()
    {
        var conversation = new Option<string?>("--conversation") { Description = "Export this conversation as a .transcript file (JSON array of activities)." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)." };
        var from = new Option<string?>("--from") { Description = "List export: conversations active on or after this date (yyyy-MM-dd, UTC)." };
        var to = new Option<string?>("--to") { Description = "List export: conversations active before the end of this date (yyyy-MM-dd, UTC)." };
        var outcome = new Option<OutcomeFilter>("--outcome") { Description = "List export: only conversations with a turn of this outcome.", DefaultValueFactory = _ => OutcomeFilter.Any };
        var lowConfidence = new Option<bool>("--low-confidence") { Description = "List export: only conversations with a low-confidence answer." };
        var negative = new Option<bool>("--negative-feedback") { Description = "List export: only conversations with negative feedback." };
        var reviewed = new Option<bool?>("--reviewed") { Description = "List export: true for reviewed only, false for not reviewed only." };
        var command = new Command("export", "Export a conversation (--conversation ID) as .transcript, or the filtered conversation list as CSV.")
        {
            conversation, output, from, to, outcome, lowConfidence, negative, reviewed,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), parse.InvocationConfiguration.Error, async services =>
        {
            var error = parse.InvocationConfiguration.Error;
            var store = services.GetRequiredService<ITranscriptStore>();
            var file = parse.GetValue(output);
            if (parse.GetValue(conversation) is { } id)
            {
                if (await store.GetAsync(id, ct) is not { } detail)
                {
                    await error.WriteLineAsync($"No stored conversation {id}.");
                    return ExitCodes.Failed;
                }

                await services.GetRequiredService<AuditLog>().AppendAsync(UsersCommand.Actor, "export.transcript", id, file?.FullName ?? "stdout", ct);
                await using var stream = file is null ? Console.OpenStandardOutput() : Replace(file);
                await TranscriptExport.WriteTranscriptAsync(detail, stream, ct);
                return ExitCodes.Ok;
            }

            if (!TryDate(parse.GetValue(from), out var start) || !TryDate(parse.GetValue(to), out var end))
            {
                await error.WriteLineAsync("--from and --to take a date as yyyy-MM-dd.");
                return ExitCodes.UsageOrConfiguration;
            }

            var filter = new ConversationFilter
            {
                From = start,
                To = end?.AddDays(1),
                Outcome = parse.GetValue(outcome),
                LowConfidenceOnly = parse.GetValue(lowConfidence),
                NegativeFeedbackOnly = parse.GetValue(negative),
                Reviewed = parse.GetValue(reviewed),
            };
            await services.GetRequiredService<AuditLog>().AppendAsync(UsersCommand.Actor, "export.csv", "", file?.FullName ?? "stdout", ct);
            await using var writer = file is null ? new StreamWriter(Console.OpenStandardOutput()) : new StreamWriter(Replace(file));
            await TranscriptExport.WriteCsvAsync(store, filter, writer, ct);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static FileStream Replace(FileInfo file) => new(file.FullName, FileMode.Create, FileAccess.Write, FileShare.None);

    private static bool TryDate(string? text, out DateTimeOffset? date)
    {
        date = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return false;
    }
}
