using FaqBot.BotFramework.Schema;

namespace FaqBot.BotFramework.Turns;

/// <summary>The bot: one handler for every turn, whatever channel the activity came from
/// (the shape of Bot Builder's <c>IBot</c>).</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>Runs around every turn (the shape of Bot Builder's <c>IMiddleware</c>): call the
/// next delegate to go on to the rest of the pipeline and the bot.</summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken);
}

/// <summary>Where a turn's replies go: the Direct Line conversation store, or the Bot Connector
/// service at the activity's <c>serviceUrl</c>. Returns the id the channel gave the activity.</summary>
public interface IReplyChannel
{
    Task<string> SendAsync(Activity activity, CancellationToken cancellationToken);
}
