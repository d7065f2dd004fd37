using FaqBot.BotFramework.Schema;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FaqBot.BotFramework.Tests.Turns;

public sealed class TurnPipelineTests
{
    private sealed class Recording(List<string> log, string name) : ITurnMiddleware
    {
        public async Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
        {
            log.Add(name + ">");
            await next(cancellationToken);
            log.Add("<" + name);
        }
    }

    private sealed class ListChannel : IReplyChannel
    {
        public List<Activity> Sent { get; } = [];

        public Task<string> SendAsync(Activity activity, CancellationToken cancellationToken)
        {
            Sent.Add(activity);
            return Task.FromResult("r" + Sent.Count);
        }
    }

    private static Activity Inbound() => new()
    {
        Type = ActivityTypes.Message,
        Id = "c|1",
        Text = "hi",
        ChannelId = "directline",
        ServiceUrl = "http://localhost/",
        From = new ChannelAccount { Id = "u", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Name = "Bot" },
        Conversation = new ConversationAccount { Id = "c" },
    };

    [Fact]
    public async Task Middleware_run_in_order_around_the_bot()
    {
        var log = new List<string>();
        var bot = new Mock<IBot>();
        bot.Setup(b => b.OnTurnAsync(It.IsAny<TurnContext>(), It.IsAny<CancellationToken>())).Callback(() => log.Add("bot")).Returns(Task.CompletedTask);
        var pipeline = new TurnPipeline([new Recording(log, "a"), new Recording(log, "b")], bot.Object, (_, _, _) => Task.CompletedTask, NullLogger<TurnPipeline>.Instance);

        await pipeline.RunAsync(Inbound(), new ListChannel(), CancellationToken.None);

        Assert.Equal(["a>", "b>", "bot", "<b", "<a"], log);
    }

    [Fact]
    public async Task Replies_are_addressed_back_to_the_sender_in_the_same_conversation_and_middleware_see_them()
    {
        var channel = new ListChannel();
        var seen = new List<string>();
        var bot = new Mock<IBot>();
        bot.Setup(b => b.OnTurnAsync(It.IsAny<TurnContext>(), It.IsAny<CancellationToken>()))
            .Returns((TurnContext turn, CancellationToken ct) =>
            {
                turn.OnSent((sent, _) =>
                {
                    seen.Add(sent.Id!);
                    return Task.CompletedTask;
                });
                return turn.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = "hello" }, ct);
            });
        var pipeline = new TurnPipeline([], bot.Object, (_, _, _) => Task.CompletedTask, NullLogger<TurnPipeline>.Instance);

        await pipeline.RunAsync(Inbound(), channel, CancellationToken.None);

        var reply = Assert.Single(channel.Sent);
        Assert.Equal("bot", reply.From!.Id);
        Assert.Equal(RoleTypes.Bot, reply.From.Role);
        Assert.Equal("u", reply.Recipient!.Id);
        Assert.Equal("c", reply.Conversation!.Id);
        Assert.Equal("c|1", reply.ReplyToId);
        Assert.Equal(["r1"], seen);
    }

    [Fact]
    public async Task A_failing_bot_goes_to_the_error_handler_and_does_not_escape()
    {
        var bot = new Mock<IBot>();
        bot.Setup(b => b.OnTurnAsync(It.IsAny<TurnContext>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("boom"));
        Exception? handled = null;
        var pipeline = new TurnPipeline([], bot.Object, (_, ex, _) =>
        {
            handled = ex;
            throw new InvalidOperationException("the handler fails too");
        }, NullLogger<TurnPipeline>.Instance);

        await pipeline.RunAsync(Inbound(), new ListChannel(), CancellationToken.None);

        Assert.Equal("boom", handled!.Message);
    }

    [Fact]
    public async Task Cancellation_of_the_host_is_not_swallowed()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var bot = new Mock<IBot>();
        bot.Setup(b => b.OnTurnAsync(It.IsAny<TurnContext>(), It.IsAny<CancellationToken>())).ThrowsAsync(new OperationCanceledException(cancelled.Token));
        var pipeline = new TurnPipeline([], bot.Object, (_, _, _) => Task.CompletedTask, NullLogger<TurnPipeline>.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.RunAsync(Inbound(), new ListChannel(), cancelled.Token));
    }

    private sealed class Completion(List<string> log) : ITurnMiddleware
    {
        public async Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
        {
            turn.OnSent((sent, _) =>
            {
                log.Add("sent " + sent.Text);
                return Task.CompletedTask;
            });
            turn.OnCompleted((completed, _) =>
            {
                log.Add("completed after " + completed.Error?.Message);
                return Task.CompletedTask;
            });
            await next(cancellationToken);
        }
    }

    [Fact]
    public async Task Completion_handlers_run_last_and_see_what_the_error_handler_sent()
    {
        var log = new List<string>();
        var bot = new Mock<IBot>();
        bot.Setup(b => b.OnTurnAsync(It.IsAny<TurnContext>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("boom"));
        var pipeline = new TurnPipeline([new Completion(log)], bot.Object,
            (turn, _, ct) => turn.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = "sorry" }, ct), NullLogger<TurnPipeline>.Instance);

        await pipeline.RunAsync(Inbound(), new ListChannel(), CancellationToken.None);

        Assert.Equal(["sent sorry", "completed after boom"], log);
    }

    [Fact]
    public async Task A_failing_completion_handler_fails_the_turn_so_the_channel_does_not_acknowledge_it()
    {
        var bot = new Mock<IBot>();
        var failing = new Mock<ITurnMiddleware>();
        failing.Setup(m => m.OnTurnAsync(It.IsAny<TurnContext>(), It.IsAny<Func<CancellationToken, Task>>(), It.IsAny<CancellationToken>()))
            .Returns<TurnContext, Func<CancellationToken, Task>, CancellationToken>((turn, next, ct) =>
            {
                turn.OnCompleted((_, _) => throw new IOException("store unavailable"));
                return next(ct);
            });
        var pipeline = new TurnPipeline([failing.Object], bot.Object, (_, _, _) => Task.CompletedTask, NullLogger<TurnPipeline>.Instance);

        await Assert.ThrowsAsync<IOException>(() => pipeline.RunAsync(Inbound(), new ListChannel(), CancellationToken.None));
    }
}
