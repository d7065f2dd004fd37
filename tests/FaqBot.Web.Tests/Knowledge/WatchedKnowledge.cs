using System.Collections.Concurrent;
using FaqBot.Core.Knowledge;
using FaqBot.Web.Knowledge;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Knowledge;

/// <summary>The web host serving a temporary copy of the repository's knowledge folder, which a
/// test edits as staff would; the host's knowledge log lines are kept.</summary>
public sealed class WatchedKnowledge : IDisposable
{
    /// <summary>How long a test waits for the watcher: a deadline, not a timing target.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "faqbot-watch-tests", Guid.NewGuid().ToString("N"));
    private readonly LogCapture _log = new();

    public WatchedKnowledge()
    {
        Path = System.IO.Path.Combine(_root, "knowledge");
        Copy(System.IO.Path.Combine(RepositoryRoot(), "knowledge"), Path);
        Factory = new FaqBotFactory()
            .With("Knowledge:Path", Path)
            .With("Logging:LogLevel:FaqBot.Web.Knowledge", "Information")
            .WithServices(services => services.AddLogging(logging => logging.AddProvider(_log)));
        _ = Factory.Services;
    }

    public string Path { get; }

    public FaqBotFactory Factory { get; }

    public KnowledgeHolder Holder => Factory.Services.GetRequiredService<KnowledgeHolder>();

    /// <summary>The knowledge watcher's log lines (Information and above): level and message.</summary>
    public IReadOnlyCollection<(LogLevel Level, string Message)> Log => _log.Lines;

    public string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    public string Read(string relativePath) => System.IO.File.ReadAllText(File(relativePath));

    public void Write(string relativePath, string text) => System.IO.File.WriteAllText(File(relativePath), text);

    public void Edit(string relativePath, string oldText, string newText)
    {
        var text = Read(relativePath);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        Write(relativePath, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>Polls until the condition holds; fails the test if it does not within the <see cref="Deadline"/>.</summary>
    public static async Task WaitForAsync(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Not within {Deadline.TotalSeconds} s: {what}");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    public void Dispose()
    {
        Factory.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "FaqBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FaqBot.sln not found above " + AppContext.BaseDirectory);
    }

    internal static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            System.IO.File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
        }
    }

    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) =>
            categoryName == typeof(KnowledgeWatcher).FullName ? new Capturing(Lines) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<(LogLevel, string)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
