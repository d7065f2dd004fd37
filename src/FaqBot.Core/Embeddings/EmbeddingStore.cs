using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Embeddings;

/// <summary>
/// Vectors of fixed sets of texts (the safety examples, the snippets' questions) kept on disk, one
/// file per set and model under <see cref="EmbeddingOptions.CachePath"/>, keyed by each text's
/// SHA-256: loading the same texts again encodes nothing, and a changed text is encoded alone. The
/// model's identity (its generator's metadata) names the file, so another model never reads these
/// vectors. A missing, corrupt or unwritable file only costs encoding again; it never stops a start.
/// With no <see cref="EmbeddingOptions.CachePath"/> the vectors are not kept between runs.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The gate is never disposed on purpose: a disposed semaphore never lets its waiters through, and a waiter may hold the safety layer's process-wide lock. It holds no wait handle.")]
public sealed partial class EmbeddingStore(
    IEmbeddingGenerator<string, Embedding<float>> generator, IOptions<EmbeddingOptions> options, ILogger<EmbeddingStore> logger)
{
    /// <summary>Most texts sent to the generator in one call.</summary>
    public const int BatchSize = 256;

    /// <summary>One reading or writing of the files at a time. Never disposed: a call still waiting
    /// when its host stops must be able to go on (a disposed semaphore never lets its waiters through,
    /// and they may hold other locks, such as the safety layer's process-wide one).</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _identity = IdentityOf(generator);
    private readonly string _modelTag = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(IdentityOf(generator))))[..16];

    /// <summary>The vectors of <paramref name="texts"/>, in their order, encoding only those not
    /// stored for this model; the file of <paramref name="set"/> (letters, digits and dashes, e.g.
    /// <c>safety-examples</c>) then holds exactly these texts.</summary>
    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> GetOrEncodeAsync(string set, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (!SetName().IsMatch(set))
        {
            throw new ArgumentException($"A set's name is letters, digits and dashes (was '{set}').", nameof(set));
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var path = PathOf(set);
            var stored = path is null ? null : await ReadAsync(path, cancellationToken);
            var keys = texts.Select(VectorFile.Key).ToArray();
            var vectors = new Dictionary<string, float[]>(keys.Length, StringComparer.Ordinal);
            var missing = new List<(string Key, string Text)>();
            for (var i = 0; i < keys.Length; i++)
            {
                if (stored?.GetValueOrDefault(keys[i]) is { } known)
                {
                    vectors[keys[i]] = known;
                }
                else if (vectors.TryAdd(keys[i], [])) // a text repeated in the set is encoded once
                {
                    missing.Add((keys[i], texts[i]));
                }
            }

            foreach (var batch in missing.Chunk(BatchSize))
            {
                var embeddings = await generator.GenerateAsync(batch.Select(m => m.Text), cancellationToken: cancellationToken);
                for (var j = 0; j < batch.Length; j++)
                {
                    vectors[batch[j].Key] = embeddings[j].Vector.ToArray();
                }
            }

            if (path is not null && (missing.Count > 0 || stored is null || stored.Count != vectors.Count))
            {
                await WriteAsync(path, vectors, cancellationToken);
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Vectors of {Set}: {Encoded} of {Count} texts encoded, the others read from {Path}", set, missing.Count, texts.Count, path);
            }

            return [.. keys.Select(key => (ReadOnlyMemory<float>)vectors[key])];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The file of a set for this model, or null when vectors are not kept on disk.</summary>
    public string? PathOf(string set) => options.Value.CachePath.Length == 0
        ? null
        : Path.Combine(options.Value.CachePath, $"{set}.{_modelTag}.vectors");

    /// <summary>What identifies a generator's vectors: its provider, address, model and size.</summary>
    internal static string IdentityOf(IEmbeddingGenerator<string, Embedding<float>> generator) =>
        generator.GetService<EmbeddingGeneratorMetadata>() is { } metadata
            ? $"{metadata.ProviderName}|{metadata.ProviderUri}|{metadata.DefaultModelId}|{metadata.DefaultModelDimensions}"
            : generator.GetType().FullName ?? "unknown";

    private async Task<Dictionary<string, float[]>?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var stored = VectorFile.Read(await File.ReadAllBytesAsync(path, cancellationToken), _identity);
            if (stored is null)
            {
                logger.LogWarning("The vector file {Path} is damaged or of another model; its texts are encoded again", path);
            }

            return stored;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "The vector file {Path} cannot be read; its texts are encoded again", path);
            return null;
        }
    }

    private async Task WriteAsync(string path, Dictionary<string, float[]> vectors, CancellationToken cancellationToken)
    {
        try
        {
            await VectorFile.WriteAsync(path, _identity, vectors, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "The vector file {Path} cannot be written; the vectors are encoded again on the next start", path);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SetName();
}
