using System.ComponentModel.DataAnnotations;

namespace FaqBot.Core.Configuration;

/// <summary>Limits on what a patient may send (section <c>Input</c>).</summary>
public sealed class InputOptions
{
    public const string Section = "Input";

    [Range(1, 20_000)]
    public int MaxQuestionLength { get; set; } = 2_000;
}
