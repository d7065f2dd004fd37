using FaqBot.BotFramework.DirectLine;
using FaqBot.BotFramework.Schema;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Tests.DirectLine;

/// <summary>A turn in flight when the host is told to stop (SIGTERM) is finished: its reply is
/// stored for the patient's next poll. Only a host that has stopped cancels turns.</summary>
public sealed class DirectLineShutdownTests
{
    private readonly IOptions<DirectLineOptions> _options = Options.Create(new DirectLineOptions { Secret = "s3cret-s3cret-s3cret" });

    [Fact]
    public async Task A_turn_in_flight_when_the_host_starts_stopping_is_answered()
    {
        var lifetime = new Lifetime();
        var bot = new GatedBot();
        var channel = new DirectLineChannel(new TurnPipeline([], bot, (_, _, _) => Task.CompletedTask, NullLogger<TurnPipeline>.Instance), _options, TimeProvider.System, lifetime);
        var conversation = await new DirectLineConversations(_options, TimeProvider.System).CreateAsync("patient-1");

        var posting = channel.PostAsync(conversation, new Activity { Type = "message", Text = "Can I drive home after?" }, "http://localhost");
        await bot.Entered.Task;
        lifetime.Stopping.Cancel();
        bot.Release.SetResult();
        await posting;

        var texts = (await conversation.ReadFromAsync(0))!.Read().Select(a => a.Text).ToList();
        Assert.Equal(["Can I drive home after?", "answered"], texts);
    }

    [Fact]
    public async Task A_host_that_has_stopped_cancels_the_turn()
    {
        var lifetime = new Lifetime();
        var bot = new GatedBot();
        var channel = new DirectLineChannel(new TurnPipeline([], bot, (_, _, _) => Task.CompletedTask, NullLogger<TurnPipeline>.Instance), _options, TimeProvider.System, lifetime);
        var conversation = await new DirectLineConversations(_options, TimeProvider.System).CreateAsync("patient-1");

        var posting = channel.PostAsync(conversation, new Activity { Type = "message", Text = "hello" }, "http://localhost");
        await bot.Entered.Task;
        lifetime.Stopped.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => posting);
    }

    private sealed class GatedBot : IBot
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            await turn.SendActivityAsync(new Activity { Type = "message", Text = "answered" }, cancellationToken);
        }
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Started { get; } = new();

        public CancellationTokenSource Stopping { get; } = new();

        public CancellationTokenSource Stopped { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => Stopped.Token;

        public void StopApplication() => Stopping.Cancel();
    }
}
