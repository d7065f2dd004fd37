using FaqBot.BotFramework.Connector;
using FaqBot.BotFramework.DirectLine;
using FaqBot.BotFramework.Schema;
using FaqBot.BotFramework.Turns;
using FaqBot.Core.Answering;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using FaqBot.Web.Chat;
using FaqBot.Web.Health;
using FaqBot.Web.Page;
using FaqBot.Web.Security;

namespace FaqBot.Load.Variants;

/// <summary>The composition of src/FaqBot.Web/Program.cs, plus <c>/load/gc</c> (garbage collector
/// counters), with switches read from LOAD_VARIANT (comma-separated): <c>canned-bot</c> replaces
/// the FAQ bot with one that sends typing and a fixed, real answer (so the Answerer and
/// ReplyComposer do not run; ConversationMemory still does); <c>no-middleware</c> leaves out the
/// exception handler, status code pages, default and static files, CORS and the rate limiter.
/// Without switches it is the product's composition. <c>--time-turns [turns]</c> times the parts
/// of a turn without HTTP instead (see <see cref="TurnTimer"/>).</summary>
public static class VariantHost
{
    public static void Main(string[] args)
    {
        var variant = (Environment.GetEnvironmentVariable("LOAD_VARIANT") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cannedBot = variant.Contains("canned-bot");
        var middleware = !variant.Contains("no-middleware");

        var contentRoot = ContentRoot.Locate();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = contentRoot,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });

        builder.Services.AddProblemDetails();
        builder.Services.AddFaqBotCore(builder.Configuration, contentRoot);
        builder.Services.AddChat();
        if (cannedBot)
        {
            builder.Services.AddSingleton<IBot, CannedBot>();   // the last registration is the one resolved
        }

        builder.Services.AddDirectLine(builder.Configuration);
        builder.Services.AddBotConnector(builder.Configuration);
        builder.Services.AddRequestLimits(builder.Configuration);
        builder.Services.AddFaqBotHealth();

        var app = builder.Build();
        app.Services.GetRequiredService<KnowledgeHolder>();
        if (args.Length > 0 && args[0] == "--time-turns")
        {
            TurnTimer.RunAsync(app.Services, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20000).GetAwaiter().GetResult();
            return;
        }

        if (middleware)
        {
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.UseDefaultFiles();
            app.UseStaticFiles();
            app.UseCors();
            app.UseRateLimiter();
            app.MapDirectLine().RequireRateLimiting(RequestLimits.DirectLinePolicy).RequireCors(RequestLimits.CorsPolicy);
            app.MapChatToken().RequireRateLimiting(RequestLimits.ChatTokenPolicy);
            app.MapBotMessages().RequireRateLimiting(RequestLimits.MessagesPolicy);
        }
        else
        {
            app.MapDirectLine();
            app.MapChatToken();
            app.MapBotMessages();
        }

        app.MapFaqBotHealth();
        app.MapGet("/load/gc", GcStats.Read);   // read by lib.sh before and after a measured run
        app.Run();
    }
}

/// <summary>Answers every message with typing and the composed reply to "Can I drive home after my
/// infusion?" (about the average size of the mix's answers), computed once at start.</summary>
public sealed class CannedBot(Answerer answerer) : IBot
{
    private readonly Activity _reply = ReplyComposer.Compose(answerer.AskAsync("Can I drive home after my infusion?").AsTask().GetAwaiter().GetResult());

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        await turn.SendActivityAsync(_reply.ShallowCopy(), cancellationToken);
    }
}

/// <summary>The process's garbage collector counters, for allocation and pause figures per request.</summary>
public static class GcStats
{
    public static IResult Read()
    {
        var info = GC.GetGCMemoryInfo();
        return Results.Json(new
        {
            gen0 = GC.CollectionCount(0),
            gen1 = GC.CollectionCount(1),
            gen2 = GC.CollectionCount(2),
            pauseMs = GC.GetTotalPauseDuration().TotalMilliseconds,
            allocatedBytes = GC.GetTotalAllocatedBytes(precise: false),
            heapBytes = info.HeapSizeBytes,
            server = System.Runtime.GCSettings.IsServerGC,
        });
    }
}
