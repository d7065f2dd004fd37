using FaqBot.Core.Configuration;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Knowledge;

/// <summary>Holds the knowledge snapshot being served. A new snapshot replaces the old one in a
/// single reference swap, so a question always sees one whole knowledge base; a folder that
/// cannot be served leaves the last good snapshot in place. Reloads run one at a time; a reload
/// asked for while another runs is answered by a load that starts after it was asked for.</summary>
public sealed class KnowledgeHolder
{
    private readonly ClinicOptions _clinic;
    private readonly TimeProvider _time;
    private readonly Lock _reloading = new();
    private volatile State _state;
    private long _requested;
    private long _covered;

    public KnowledgeHolder(IOptions<KnowledgeOptions> knowledge, IOptions<ClinicOptions> clinic, TimeProvider time)
    {
        Path = knowledge.Value.Path;
        _clinic = clinic.Value;
        _time = time;
        var result = Load();
        _state = new State(result.Knowledge ?? throw new KnowledgeLoadException(Path, result), 1, time.GetUtcNow(), result, null);
    }

    private KnowledgeHolder(KnowledgeBase knowledge, KnowledgeLoadResult load, string path, ClinicOptions clinic, TimeProvider time)
    {
        Path = path;
        _clinic = clinic;
        _time = time;
        _state = new State(knowledge, 1, time.GetUtcNow(), load, null);
    }

    /// <summary>A holder that always serves <paramref name="knowledge"/>, for answering against a
    /// snapshot that patients do not see (drafts under trial, lint). <see cref="Reload"/> is not
    /// available on it.</summary>
    public static KnowledgeHolder Fixed(KnowledgeBase knowledge, TimeProvider time) =>
        new(knowledge, new KnowledgeLoadResult(knowledge, []), "", new ClinicOptions(), time);

    /// <summary>Raised after every reload attempt, served or not, on the reloading thread and
    /// before any other reload starts (keep handlers short).</summary>
    public event Action<KnowledgeReload>? Reloaded;

    /// <summary>The knowledge folder (absolute); empty for a <see cref="Fixed"/> holder.</summary>
    public string Path { get; }

    public KnowledgeBase Current => _state.Knowledge;

    /// <summary>The diagnostics of the most recent load, successful or not.</summary>
    public KnowledgeLoadResult LastLoad => _state.LastLoad;

    /// <summary>Counts the snapshots served: 1 for the one loaded at start, one more for each reload that was served.</summary>
    public long Generation => _state.Generation;

    /// <summary>When <see cref="Current"/> was swapped in (for the first snapshot: when the holder was made).</summary>
    public DateTimeOffset ServingSince => _state.ServingSince;

    /// <summary>The most recent reload attempt if it could not be served (its result holds the
    /// errors); null when the most recent load was served.</summary>
    public KnowledgeReload? LastFailure => _state.Failure;

    /// <summary>Reads the folder again; serves the result only if it can be served. Returns the
    /// result of a load that started after this call, which is this call's own load unless another
    /// thread's load started after it while it waited.</summary>
    public KnowledgeLoadResult Reload()
    {
        if (Path.Length == 0)
        {
            throw new InvalidOperationException("A fixed knowledge holder has no folder to reload.");
        }

        var ticket = Interlocked.Increment(ref _requested);
        KnowledgeReload attempt;
        lock (_reloading)
        {
            if (_covered >= ticket)
            {
                return _state.LastLoad;
            }

            // Every request made before this point is answered by the load below.
            _covered = Interlocked.Read(ref _requested);
            var started = _time.GetTimestamp();
            var result = LoadForReload();
            var previous = _state;
            var at = _time.GetUtcNow();
            var served = result.Knowledge is not null;
            var generation = served ? previous.Generation + 1 : previous.Generation;
            attempt = new KnowledgeReload(result, generation, at, _time.GetElapsedTime(started));
            _state = served
                ? new State(result.Knowledge!, generation, at, result, null)
                : previous with { LastLoad = result, Failure = attempt };
            Reloaded?.Invoke(attempt);
        }

        return attempt.Result;
    }

    private KnowledgeLoadResult Load() =>
        KnowledgeLoader.Load(Path, _clinic, _time.Today());

    /// <summary>A load that throws (a file that vanishes or is locked mid-read while an editor
    /// saves, or a file the parser chokes on) is an unservable load, not an exception: the last
    /// good knowledge keeps serving and the next change reloads again.</summary>
    private KnowledgeLoadResult LoadForReload()
    {
        try
        {
            return Load();
        }
        catch (Exception ex)
        {
            return new KnowledgeLoadResult(null, [new KnowledgeDiagnostic(DiagnosticSeverity.Error, Path, "", $"the folder could not be loaded: {ex.GetType().Name}: {ex.Message}")]);
        }
    }

    /// <summary>Everything the holder reports, swapped as one so readers never see a mix of two loads.</summary>
    private sealed record State(KnowledgeBase Knowledge, long Generation, DateTimeOffset ServingSince, KnowledgeLoadResult LastLoad, KnowledgeReload? Failure);
}

/// <summary>One reload attempt: what the load found, the generation serving after it, when it
/// finished and how long the load and swap took.</summary>
public sealed record KnowledgeReload(KnowledgeLoadResult Result, long Generation, DateTimeOffset At, TimeSpan Elapsed)
{
    /// <summary>Whether the folder could be served (and was swapped in as <see cref="Generation"/>).</summary>
    public bool Served => Result.Knowledge is not null;
}

public sealed class KnowledgeLoadException(string path, KnowledgeLoadResult result)
    : Exception($"The knowledge folder '{path}' cannot be served:{Environment.NewLine}"
        + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.IsError)))
{
    public KnowledgeLoadResult Result { get; } = result;
}
