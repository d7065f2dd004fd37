using Microsoft.Extensions.Logging;

namespace FaqBot.Core.Handoff;

/// <summary>The default sink: writes each handoff to the log without the message text (a
/// patient's words are stored only where they can be redacted and retained properly).</summary>
public sealed partial class LoggingHandoffSink(ILogger<LoggingHandoffSink> logger) : IHandoffSink
{
    public ValueTask RecordAsync(HandoffItem item, CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var rules = string.Join(',', item.RuleIds);
            LogHandoff(logger, item.Reason, rules, item.Message.Length, item.ReplyId, item.At);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff: {Reason} (rules {RuleIds}; message of {Length} characters; reply {ReplyId}) at {At:O}")]
    private static partial void LogHandoff(ILogger logger, string reason, string ruleIds, int length, string replyId, DateTimeOffset at);
}
