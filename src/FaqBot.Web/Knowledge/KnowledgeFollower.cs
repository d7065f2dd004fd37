using FaqBot.Core.Knowledge;
using FaqBot.Storage.Knowledge;

namespace FaqBot.Web.Knowledge;

/// <summary>On hosts sharing a database: once a second, reads the knowledge generation and, when
/// another host changed the knowledge folder through the staff pages, reloads it here too, so a
/// staff edit is served by every host within about two seconds. Does nothing on a single host.</summary>
public sealed partial class KnowledgeFollower(KnowledgeHolder holder, KnowledgeGeneration generation, TimeProvider time, ILogger<KnowledgeFollower> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!generation.Shared)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        var (failing, known) = (false, false);
        try
        {
            do
            {
                try
                {
                    var current = await generation.ReadAsync(stoppingToken);
                    if (!known)
                    {
                        // This host loaded the folder as it is now when it started.
                        (generation.Seen, known) = (current, true);
                    }
                    else if (current != generation.Seen)
                    {
                        generation.Seen = current;
                        holder.Reload();
                        LogFollowed(log, current);
                    }

                    failing = false;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    if (!failing)
                    {
                        LogReadFailed(log, ex);
                    }

                    failing = true;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge reloaded: another host changed it (generation {Generation})")]
    private static partial void LogFollowed(ILogger logger, long generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The knowledge generation cannot be read; this host goes on with what it has and tries again each second")]
    private static partial void LogReadFailed(ILogger logger, Exception error);
}
