namespace FaqBot.Bench;

/// <summary>Paths inside the repository. BenchmarkDotNet runs benchmarks from a generated child
/// project, so the root comes from <c>FAQBOT_ROOT</c> (set by <see cref="Program"/>) when present,
/// else from the folder holding FaqBot.sln above the program or the working directory.</summary>
internal static class RepositoryPaths
{
    public const string RootVariable = "FAQBOT_ROOT";

    private const string SolutionFile = "FaqBot.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string AppSettings => Path.Combine(Root, "appsettings.json");

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(RootVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, SolutionFile)))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        return Above(AppContext.BaseDirectory)
            ?? Above(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException(
                $"{SolutionFile} not found above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}; set {RootVariable}.");
    }

    private static string? Above(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
