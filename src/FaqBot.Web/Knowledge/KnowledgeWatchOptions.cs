using System.ComponentModel.DataAnnotations;

namespace FaqBot.Web.Knowledge;

/// <summary>Section <c>Knowledge:Watch</c>: reloading the knowledge folder when its files change.</summary>
public sealed class KnowledgeWatchOptions
{
    public const string Section = "Knowledge:Watch";

    /// <summary>Watch the folder and reload on changes; off means edits serve after a restart (or a staff page's reload).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the folder must stay unchanged before it is reloaded, so an editor's
    /// several writes or temp-file-and-rename save is read once, whole.</summary>
    [Range(20, 1500)]
    public int QuietMilliseconds { get; set; } = 250;
}
