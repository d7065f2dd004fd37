using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>Once a minute, forgets idle conversations and expired tokens.</summary>
public sealed class DirectLineSweeper(DirectLineConversations conversations, DirectLineTokens tokens, TimeProvider time, ILogger<DirectLineSweeper> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var dropped = await conversations.SweepAsync();
            var expired = tokens.Sweep();
            if (dropped + expired > 0 && log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("Dropped {Conversations} idle conversations and {Tokens} expired tokens", dropped, expired);
            }
        }
    }
}
