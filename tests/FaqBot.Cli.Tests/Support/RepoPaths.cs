namespace FaqBot.Cli.Tests.Support;

/// <summary>Where the repository, its knowledge folder and the built CLI are, found from the test assembly.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string Snippets => Path.Combine(Knowledge, "snippets");

    /// <summary>The configuration the tests were built in (Debug, Release, ...), read from the test assembly's path:
    /// <c>.../bin/&lt;Configuration&gt;/&lt;tfm&gt;/</c>.</summary>
    public static string Configuration
    {
        get
        {
            var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            return tfmDir.Parent?.Name ?? throw new InvalidOperationException($"Cannot read the configuration from {AppContext.BaseDirectory}");
        }
    }

    public static string TargetFramework =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)).Name;

    public static string CliDll
    {
        get
        {
            var path = Path.Combine(Root, "src", "FaqBot.Cli", "bin", Configuration, TargetFramework, "faqbot.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("The CLI is not built next to its project.", path);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FaqBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FaqBot.sln above {AppContext.BaseDirectory}");
    }
}
