using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FaqBot.Cli.Hosting;
using FaqBot.Cli.Users;
using FaqBot.Core.Answering;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Transcripts;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Cli.Handoffs;

/// <summary><c>faqbot handoffs list [--json] [--all]</c>: the handoff queue for operators, highest
/// priority first, with how long each item has waited. Contact details given for a callback are
/// masked (initial, last two digits, first letter and domain); the full details are on the staff
/// item page only. Each listing is written to the audit log.</summary>
internal static class HandoffsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create() => new("handoffs", "The handoff queue: people the bot handed to staff.")
    {
        List(),
    };

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Write the items as a JSON array instead of a table." };
        var all = new Option<bool>("--all") { Description = "Include closed items." };
        var command = new Command("list", "List the queue, highest priority first (contact details masked).") { json, all };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), parse.InvocationConfiguration.Error, async services =>
        {
            var store = services.GetRequiredService<ITranscriptStore>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var items = await store.HandoffsAsync(parse.GetValue(all), ct);
            var rows = new List<ListedHandoff>(items.Count);
            foreach (var item in items)
            {
                var contact = item.WantsCallback ? (await store.CallbackContactAsync(item.Id, ct))?.Masked() : null;
                rows.Add(new ListedHandoff(item.Id, item.ConversationId, item.At, (long)(now - item.At).TotalMinutes, item.Reason,
                    HandoffDecision.Name(item.Priority), item.Status.ToString().ToLowerInvariant(), item.StatusBy, item.Rules, item.Message,
                    item.WantsCallback, contact?.Name, contact?.Phone, contact?.Email));
            }

            await services.GetRequiredService<AuditLog>().AppendAsync(UsersCommand.Actor, "handoffs.list", "", $"{rows.Count} item(s), contact details masked", ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(rows, Json));
                return ExitCodes.Ok;
            }

            if (rows.Count == 0)
            {
                await output.WriteLineAsync("Nobody is waiting.");
                return ExitCodes.Ok;
            }

            await output.WriteLineAsync("id\tpriority\twaiting\treason\tstatus\tcallback\tconversation");
            foreach (var row in rows)
            {
                var callback = row.Callback ? string.Join(" ", new[] { row.Name, row.Phone, row.Email }.Where(v => !string.IsNullOrEmpty(v))) : "-";
                var status = row.StatusBy is null ? row.Status : $"{row.Status} by {row.StatusBy}";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{row.Id}\t{row.Priority}\t{Waited(row.WaitingMinutes)}\t{row.Reason}\t{status}\t{callback}\t{row.ConversationId}"));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Waited(long minutes) => minutes switch
    {
        < 60 => $"{minutes} min",
        < 24 * 60 => $"{minutes / 60} h {minutes % 60} min",
        _ => $"{minutes / (24 * 60)} d {minutes / 60 % 24} h",
    };

    private sealed record ListedHandoff(
        long Id,
        string ConversationId,
        DateTimeOffset At,
        long WaitingMinutes,
        string Reason,
        string Priority,
        string Status,
        string? StatusBy,
        IReadOnlyList<string> Rules,
        string Message,
        bool Callback,
        string? Name,
        string? Phone,
        string? Email);
}
