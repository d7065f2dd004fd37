using FaqBot.BotFramework.Turns;
using FaqBot.Core.Privacy;
using FaqBot.Storage;

namespace FaqBot.Web.Transcripts;

public static class TranscriptServices
{
    /// <summary>The transcript store (with the data-protection key ring its text is encrypted with),
    /// redaction, the recording middleware and the retention purge.</summary>
    public static IServiceCollection AddTranscripts(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddFaqBotStorage(configuration, contentRoot);
        services.AddRedaction(configuration);
        services.AddSingleton<TranscriptRedaction>();
        services.AddSingleton<FaqBot.BotFramework.DirectLine.IDirectLineStore, DirectLineState.StoredDirectLineState>(); // live conversations survive a restart
        services.AddSingleton<ITurnMiddleware, TranscriptRecorder>();
        services.AddHostedService<TranscriptRetention>();
        return services;
    }
}
