using FaqBot.Core.Answering;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace FaqBot.Cli.Tests.Support;

/// <summary>An <see cref="Answerer"/> over the repository's own knowledge folder, built once.</summary>
internal static class TestAnswerer
{
    private static readonly Lazy<Answerer> LazyShared = new(Create);

    public static Answerer Shared => LazyShared.Value;

    public static Answerer Create()
    {
        var holder = new KnowledgeHolder(
            Options.Create(new KnowledgeOptions { Path = RepoPaths.Knowledge }),
            Options.Create(new ClinicOptions { Name = "Test Clinic", Phone = "555-0100" }),
            TimeProvider.System);
        return new Answerer(
            holder,
            Options.Create(new RetrievalOptions { MinConfidence = 0.4 }),
            Options.Create(new InputOptions()),
            TimeProvider.System);
    }
}
