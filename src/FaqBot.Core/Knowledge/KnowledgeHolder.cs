using FaqBot.Core.Configuration;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Knowledge;

/// <summary>Holds the knowledge snapshot being served. A new snapshot replaces the old one in a
/// single reference swap, so a question always sees one whole knowledge base; a folder that
/// cannot be served leaves the last good snapshot in place.</summary>
public sealed class KnowledgeHolder
{
    private readonly ClinicOptions _clinic;
    private readonly TimeProvider _time;
    private volatile KnowledgeBase _current;

    public KnowledgeHolder(IOptions<KnowledgeOptions> knowledge, IOptions<ClinicOptions> clinic, TimeProvider time)
    {
        Path = knowledge.Value.Path;
        _clinic = clinic.Value;
        _time = time;
        var result = Load();
        LastLoad = result;
        _current = result.Knowledge ?? throw new KnowledgeLoadException(Path, result);
    }

    private KnowledgeHolder(KnowledgeBase knowledge, KnowledgeLoadResult load, string path, ClinicOptions clinic, TimeProvider time)
    {
        Path = path;
        _clinic = clinic;
        _time = time;
        LastLoad = load;
        _current = knowledge;
    }

    /// <summary>A holder that always serves <paramref name="knowledge"/>, for answering against a
    /// snapshot that patients do not see (drafts under trial, lint). <see cref="Reload"/> is not
    /// available on it.</summary>
    public static KnowledgeHolder Fixed(KnowledgeBase knowledge, TimeProvider time) =>
        new(knowledge, new KnowledgeLoadResult(knowledge, []), "", new ClinicOptions(), time);

    /// <summary>The knowledge folder (absolute); empty for a <see cref="Fixed"/> holder.</summary>
    public string Path { get; }

    public KnowledgeBase Current => _current;

    /// <summary>The diagnostics of the most recent load, successful or not.</summary>
    public KnowledgeLoadResult LastLoad { get; private set; }

    /// <summary>Reads the folder again; serves the result only if it can be served.</summary>
    public KnowledgeLoadResult Reload()
    {
        if (Path.Length == 0)
        {
            throw new InvalidOperationException("A fixed knowledge holder has no folder to reload.");
        }

        var result = Load();
        LastLoad = result;
        if (result.Knowledge is not null)
        {
            _current = result.Knowledge;
        }

        return result;
    }

    private KnowledgeLoadResult Load() =>
        KnowledgeLoader.Load(Path, _clinic, _time.Today());
}

public sealed class KnowledgeLoadException(string path, KnowledgeLoadResult result)
    : Exception($"The knowledge folder '{path}' cannot be served:{Environment.NewLine}"
        + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.IsError)))
{
    public KnowledgeLoadResult Result { get; } = result;
}
