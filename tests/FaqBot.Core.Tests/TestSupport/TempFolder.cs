namespace FaqBot.Core.Tests.TestSupport;

/// <summary>An empty folder of its own under the system's temporary folder, deleted with its contents on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("faqbot-tests-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left behind for the system to clean; a test never fails on its own clean-up.
        }
    }
}
