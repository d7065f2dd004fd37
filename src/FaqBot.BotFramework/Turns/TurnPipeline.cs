using FaqBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Turns;

/// <summary>What the pipeline does when the bot or a middleware throws: usually log and send a
/// fixed apology (the shape of Bot Builder's <c>OnTurnError</c>).</summary>
public delegate Task TurnErrorHandler(TurnContext turn, Exception error, CancellationToken cancellationToken);

/// <summary>Runs the middleware in registration order, then the bot. A failing turn is given to
/// the error handler and never escapes: the host keeps serving and the conversation keeps polling.
/// Completion handlers (<see cref="TurnContext.OnCompleted"/>) run last; their failures do escape.</summary>
public sealed class TurnPipeline(IEnumerable<ITurnMiddleware> middleware, IBot bot, TurnErrorHandler onError, ILogger<TurnPipeline> log)
{
    private readonly ITurnMiddleware[] _middleware = [.. middleware];

    public async Task RunAsync(Activity activity, IReplyChannel channel, CancellationToken cancellationToken)
    {
        var turn = new TurnContext(activity, channel);
        try
        {
            await RunFromAsync(0, turn, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Turn failed in conversation {ConversationId} ({ActivityType})", activity.Conversation?.Id, activity.Type);
            turn.Error = ex;
            try
            {
                await onError(turn, ex, cancellationToken);
            }
            catch (Exception inner) when (inner is not OperationCanceledException)
            {
                log.LogError(inner, "The turn error handler failed as well in conversation {ConversationId}", activity.Conversation?.Id);
            }
        }

        await turn.CompleteAsync(cancellationToken);
    }

    private Task RunFromAsync(int index, TurnContext turn, CancellationToken cancellationToken) =>
        index < _middleware.Length
            ? _middleware[index].OnTurnAsync(turn, ct => RunFromAsync(index + 1, turn, ct), cancellationToken)
            : bot.OnTurnAsync(turn, cancellationToken);
}
