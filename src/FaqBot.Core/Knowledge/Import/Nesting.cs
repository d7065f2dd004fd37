namespace FaqBot.Core.Knowledge.Import;

/// <summary>How deep the readers of HTML and Markdown follow nested elements: their walks recurse,
/// and a document nested deeper than any real page is refused with a clear message instead of
/// exhausting the stack.</summary>
internal static class Nesting
{
    public const int MaxDepth = 256;

    public static void Check(int depth)
    {
        if (depth > MaxDepth)
        {
            throw TooDeep();
        }
    }

    public static SourceImportException TooDeep(Exception? cause = null) => new(SourceImportFailure.Unreadable,
        "This document nests its elements deeper than any readable page does (hundreds of levels), so it cannot be read; paste its text instead.", cause);
}
