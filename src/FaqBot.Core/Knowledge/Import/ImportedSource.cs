namespace FaqBot.Core.Knowledge.Import;

/// <summary>A document written to <c>knowledge/sources/</c>.</summary>
/// <param name="Id">The source id snippets name in <c>source.document</c>.</param>
/// <param name="Title">The title written in the header.</param>
/// <param name="Path">The file written, <c>knowledge/sources/{Id}.txt</c>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the text as stored (the header's <c>sha256</c>).</param>
/// <param name="TextLength">Characters of text stored.</param>
public sealed record ImportedSource(string Id, string Title, string Path, string Sha256, int TextLength);
