using System.Diagnostics;

namespace FaqBot.Fuzz;

/// <summary>A throwaway folder per host: its own data folder (database, accounts) and a copy of the
/// knowledge folder, since staff pages write drafts into it; the vector store is shared
/// (<see cref="SharedVectors"/>). Staff accounts are added with the
/// CLI (<c>faqbot users add</c>, password on standard input), as an operator does.</summary>
internal sealed class RunFolder : IDisposable
{
    private RunFolder(string path) => Path = path;

    public string Path { get; }

    public string Data => System.IO.Path.Combine(Path, "data");

    public string Knowledge => System.IO.Path.Combine(Path, "knowledge");

    /// <summary>One vector store for every run on this machine (and the web tests'): the safety
    /// examples' and snippets' vectors depend only on their texts and the model, so a host started
    /// after the first reads them instead of encoding thousands of texts before it answers.</summary>
    public static readonly string SharedVectors = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "faqbot-test-vectors");

    /// <summary>What a host or the CLI reads to use this folder (<c>Section__Key</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Storage__DataPath"] = Data,
        ["Knowledge__Path"] = Knowledge,
        ["Embeddings__CachePath"] = SharedVectors,
    };

    public static RunFolder Create(string knowledge)
    {
        var folder = new RunFolder(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "faqbot-fuzz", Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(folder.Data);
        Directory.CreateDirectory(folder.Knowledge);
        Copy(knowledge, folder.Knowledge);
        return folder;
    }

    /// <summary>Snippet ids as the host serves them: the snippet files' names.</summary>
    public IReadOnlyList<string> SnippetIds() =>
        [.. Directory.GetFiles(System.IO.Path.Combine(Knowledge, "snippets"), "*.md").Select(System.IO.Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    public async Task AddAccountAsync(string cliDll, string name, string role, string password, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { cliDll, "users", "add", name, "--role", role })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Settings)
        {
            start.Environment[key] = value;
        }

        using var cli = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        await cli.StandardInput.WriteLineAsync(password);
        cli.StandardInput.Close();
        var error = cli.StandardError.ReadToEndAsync(cancellationToken);
        await cli.StandardOutput.ReadToEndAsync(cancellationToken);
        await cli.WaitForExitAsync(cancellationToken);
        if (cli.ExitCode != 0)
        {
            throw new InvalidOperationException($"faqbot users add {name} exited with {cli.ExitCode}: {await error}");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
