namespace FaqBot.Core.Safety.Semantic;

/// <summary>Where the examples' vectors come from: the encoder, through the on-disk vector cache
/// when there is one, so a start, a reload or a test run does not encode them again.</summary>
public sealed class ExampleVectors(Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<ReadOnlyMemory<float>>>> get)
{
    public Task<IReadOnlyList<ReadOnlyMemory<float>>> GetAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) => get(texts, cancellationToken);
}
