using System.Threading.Channels;
using FaqBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Knowledge;

/// <summary>Reloads the knowledge folder when anything in it is created, changed, deleted or
/// renamed, once it has been quiet for <c>Knowledge:Watch:QuietMilliseconds</c>, and logs every
/// reload of the holder. A folder that cannot be served is logged as an error and the last good
/// knowledge keeps serving. If the watch fails (events lost, the folder replaced), it is started
/// again and the folder reloaded.</summary>
public sealed partial class KnowledgeWatcher(
    KnowledgeHolder holder,
    IOptions<KnowledgeWatchOptions> options,
    TimeProvider time,
    ILogger<KnowledgeWatcher> log) : BackgroundService
{
    /// <summary>A folder that never goes quiet is reloaded after this many quiet periods anyway.</summary>
    private const int MaxQuietPeriods = 8;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private FileSystemWatcher? _watcher;
    private volatile bool _restart;
    private long _lastChange;

    /// <summary>Starts watching before the host finishes starting, so no edit made after start is missed.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        holder.Reloaded += OnReloaded;
        if (options.Value.Enabled)
        {
            Watch();
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        StopWatching();
    }

    public override void Dispose()
    {
        holder.Reloaded -= OnReloaded;
        StopWatching();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var quiet = TimeSpan.FromMilliseconds(options.Value.QuietMilliseconds);
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stoppingToken))
            {
                _changes.Reader.TryRead(out _);
                await UntilQuietAsync(quiet, stoppingToken);
                if (_restart && !Watch())
                {
                    await Task.Delay(RetryDelay, time, stoppingToken);
                    Signal();
                    continue;
                }

                try
                {
                    holder.Reload();
                }
                catch (Exception ex)
                {
                    LogReloadFailed(log, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits until a quiet period has passed since the last change (or the cap is
    /// reached); the changes seen so far are all read by the reload that follows.</summary>
    private async Task UntilQuietAsync(TimeSpan quiet, CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        var sinceChange = time.GetElapsedTime(Interlocked.Read(ref _lastChange));
        while (sinceChange < quiet && time.GetElapsedTime(started) < quiet * MaxQuietPeriods)
        {
            await Task.Delay(quiet - sinceChange, time, stoppingToken);
            sinceChange = time.GetElapsedTime(Interlocked.Read(ref _lastChange));
        }

        _changes.Reader.TryRead(out _);
    }

    /// <summary>(Re)starts the watch; on failure it is retried later and the folder is reloaded once it works.</summary>
    private bool Watch()
    {
        StopWatching();
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(holder.Path)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Created += OnChanged;
            watcher.Changed += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.Error += OnError;
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
            _restart = false;
            LogWatching(log, holder.Path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            watcher?.Dispose();
            _restart = true;
            LogWatchFailed(log, ex, holder.Path, (int)RetryDelay.TotalSeconds);
            Signal();
            return false;
        }
    }

    private void StopWatching()
    {
        var watcher = Interlocked.Exchange(ref _watcher, null);
        watcher?.Dispose();
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => Signal();

    private void OnError(object sender, ErrorEventArgs e)
    {
        LogWatchError(log, e.GetException(), holder.Path);
        _restart = true;
        Signal();
    }

    private void Signal()
    {
        Interlocked.Exchange(ref _lastChange, time.GetTimestamp());
        _changes.Writer.TryWrite(true);
    }

    private void OnReloaded(KnowledgeReload reload)
    {
        var errors = reload.Result.Diagnostics.Where(d => d.IsError).ToList();
        if (!reload.Served)
        {
            LogUnservable(log, errors.Count, reload.Generation, Lines(errors));
            return;
        }

        LogReloaded(log, reload.Generation, reload.Result.Knowledge!.Snippets.Count, (long)reload.Elapsed.TotalMilliseconds);
        if (errors.Count > 0)
        {
            LogLeftOut(log, errors.Count, Lines(errors));
        }
    }

    private static string Lines(IEnumerable<KnowledgeDiagnostic> errors) =>
        string.Join(Environment.NewLine, errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge reloaded: generation {Generation}, {Snippets} snippets, {ElapsedMilliseconds} ms")]
    private static partial void LogReloaded(ILogger logger, long generation, int snippets, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge reloaded with {Count} errors; the files they name are left out:\n{Errors}")]
    private static partial void LogLeftOut(ILogger logger, int count, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "The knowledge folder cannot be served ({Count} errors); generation {Generation} keeps serving:\n{Errors}")]
    private static partial void LogUnservable(ILogger logger, int count, long generation, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading the knowledge folder failed; the last good knowledge keeps serving")]
    private static partial void LogReloadFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Path} for knowledge changes")]
    private static partial void LogWatching(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot watch {Path} for knowledge changes; trying again in {Seconds} s")]
    private static partial void LogWatchFailed(ILogger logger, Exception error, string path, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching {Path} failed; restarting the watch and reloading")]
    private static partial void LogWatchError(ILogger logger, Exception error, string path);
}
