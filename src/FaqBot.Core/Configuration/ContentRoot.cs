namespace FaqBot.Core.Configuration;

/// <summary>Finds the folder whose appsettings.json a host reads: the working directory or the
/// nearest parent holding one, else the program's own folder (which carries the embedded defaults).</summary>
public static class ContentRoot
{
    public const string SettingsFile = "appsettings.json";

    public static string Locate(string? startDirectory = null)
    {
        for (var dir = new DirectoryInfo(startDirectory ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SettingsFile)))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    /// <summary>Resolves a configured path against the content root unless it is already absolute.</summary>
    public static string Resolve(string contentRoot, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path));
}
