using FaqBot.Core.Knowledge;

namespace FaqBot.Web.Knowledge;

public enum EditStatus
{
    /// <summary>Written, and the knowledge reloaded.</summary>
    Saved,

    /// <summary>Nothing written: the change does not make a valid snippet.</summary>
    Invalid,

    /// <summary>Nothing written: the file changed since the editor opened it, or the id is taken.</summary>
    Conflict,

    /// <summary>Nothing written: the rules say this person may not do this.</summary>
    Refused,

    /// <summary>Nothing written: no such snippet or draft.</summary>
    NotFound,
}

/// <summary>What became of one staff action on a snippet, with the messages to show.</summary>
public sealed record EditOutcome(EditStatus Status, IReadOnlyList<string> Messages, Snippet? Snippet = null)
{
    public bool Succeeded => Status == EditStatus.Saved;

    public static EditOutcome Saved(Snippet snippet, params string[] messages) => new(EditStatus.Saved, messages, snippet);

    public static EditOutcome Invalid(IEnumerable<string> messages) => new(EditStatus.Invalid, [.. messages]);

    public static EditOutcome Conflict(string message) => new(EditStatus.Conflict, [message]);

    public static EditOutcome Refused(string message) => new(EditStatus.Refused, [message]);

    public static EditOutcome NotFound(string message) => new(EditStatus.NotFound, [message]);
}
