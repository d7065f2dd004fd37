using System.CommandLine;

namespace FaqBot.Cli.Hosting;

internal static class CliOptions
{
    /// <summary>Overrides <c>Knowledge:Path</c>; relative to the working directory.</summary>
    public static Option<DirectoryInfo?> Knowledge { get; } = new("--knowledge")
    {
        Description = "Knowledge folder to use instead of Knowledge:Path from appsettings.json.",
        Recursive = true,
    };
}
