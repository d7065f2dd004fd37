using System.CommandLine;

namespace FaqBot.Cli.Sources;

/// <summary><c>faqbot sources</c>: the clinic documents snippets quote (<c>knowledge/sources/</c>).</summary>
internal static class SourcesCommand
{
    public static Command Create() => new("sources", "Clinic documents that snippets quote: import one, list them.")
    {
        AddSourceCommand.Create(),
        ListSourcesCommand.Create(),
    };
}
