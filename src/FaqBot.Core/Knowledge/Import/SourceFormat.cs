namespace FaqBot.Core.Knowledge.Import;

/// <summary>The text read out of a document, and the title the document gives itself, if any.</summary>
internal sealed record ExtractedText(string Text, string? Title = null);

/// <summary>One kind of file that can be imported: its name for staff, its extensions (lower
/// case, with the dot) and how its text is read. Reading may throw anything on a damaged file.</summary>
internal sealed record SourceFormat(string Name, IReadOnlyList<string> Extensions, Func<byte[], ExtractedText> Read);
