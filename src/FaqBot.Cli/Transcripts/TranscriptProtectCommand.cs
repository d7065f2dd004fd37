using System.CommandLine;
using FaqBot.Cli.Hosting;
using FaqBot.Cli.Users;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Transcripts;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Cli.Transcripts;

/// <summary><c>faqbot transcripts protect</c>: encrypts in place the patient text stored before
/// <c>Transcripts:EncryptAtRest</c> was on, in batches, with progress; safe to run beside the web
/// host and to run again (it only touches values still plain).</summary>
internal static class TranscriptProtectCommand
{
    public static Command Create()
    {
        var batch = new Option<int>("--batch") { Description = "Rows per transaction.", DefaultValueFactory = _ => TranscriptStore.DefaultProtectBatch };
        var command = new Command("protect", "Encrypt patient text stored in plain (rows written before encryption at rest was on).") { batch };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), parse.InvocationConfiguration.Error, async services =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            if (parse.GetValue(batch) is var size && size < 1)
            {
                await error.WriteLineAsync("--batch must be at least 1.");
                return ExitCodes.UsageOrConfiguration;
            }

            if (!services.GetRequiredService<StoredText>().Encrypts)
            {
                await error.WriteLineAsync("Transcripts:EncryptAtRest is false, so new text would still be stored in plain; set it to true first.");
                return ExitCodes.UsageOrConfiguration;
            }

            // Progress is written as it comes, one line per batch.
            var progress = new SynchronousProgress(p => output.WriteLine($"{p.Column}: {p.Done}/{p.Total}"));
            var protectedValues = await services.GetRequiredService<TranscriptStore>().ProtectPlainTextAsync(size, progress, ct);
            await services.GetRequiredService<AuditLog>().AppendAsync(UsersCommand.Actor, "transcripts.protect", "", $"{protectedValues} value(s)", ct);
            await output.WriteLineAsync($"Protected {protectedValues} stored value(s).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<ProtectProgress> report) : IProgress<ProtectProgress>
    {
        public void Report(ProtectProgress value) => report(value);
    }
}
