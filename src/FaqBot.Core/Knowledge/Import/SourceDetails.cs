namespace FaqBot.Core.Knowledge.Import;

/// <summary>What staff say about a document they import; each is optional but the publisher.</summary>
/// <param name="Publisher">Who published the document (required).</param>
/// <param name="Title">Default: the document's own title (an HTML title or first h1, a Markdown
/// heading, a PDF's or Word file's title property), else the file name or the first line of a paste.</param>
/// <param name="Id">Default: a slug of the title, with -2, -3... when taken.</param>
/// <param name="Url">Where the document was published (http or https).</param>
public sealed record SourceDetails(string? Publisher, string? Title = null, string? Id = null, string? Url = null);
