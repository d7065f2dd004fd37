using System.Threading.Channels;
using FaqBot.BotFramework.Schema;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Connector;

/// <summary>Runs the queued activities' turns, one worker per lane, with replies going
/// to the Bot Connector service. Activities still queued at shutdown are dropped.</summary>
public sealed class ConnectorWorker(ConnectorInbox inbox, TurnPipeline pipeline, ConnectorReplyChannel replies, ILogger<ConnectorWorker> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(inbox.Lanes.Select(lane => DrainAsync(lane, stoppingToken)));

    private async Task DrainAsync(ChannelReader<Activity> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in lane.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await pipeline.RunAsync(activity, replies, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "A turn escaped the pipeline in conversation {ConversationId}", activity.Conversation?.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
