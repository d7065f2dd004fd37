using System.ComponentModel.DataAnnotations;

namespace FaqBot.Core.Configuration;

/// <summary>Where the knowledge folder lives (section <c>Knowledge</c>). A relative path is
/// resolved against the content root, the folder that holds appsettings.json.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "knowledge";
}
