using FaqBot.BotFramework.Schema;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>What a conversation keeps of a user's activity, and so what its clients read back and
/// the <see cref="IDirectLineStore"/> writes: by default all of it. The bot's turn always gets the
/// activity as it was posted. A host uses it for what must not be kept with the conversation (a
/// form's contact details that are stored apart).</summary>
public interface IEchoFilter
{
    /// <summary>Keeps everything.</summary>
    static IEchoFilter All { get; } = new KeepAll();

    /// <summary>The activity to keep: <paramref name="posted"/> itself, or a copy without what must not be kept.</summary>
    Activity Kept(Activity posted);

    private sealed class KeepAll : IEchoFilter
    {
        public Activity Kept(Activity posted) => posted;
    }
}
