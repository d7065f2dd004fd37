using FaqBot.Core.Answering;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace FaqBot.Bench;

/// <summary>Builds the knowledge holder and answerer the way the hosts do (options from
/// appsettings.json, no semantic ranker) with a fixed clock, and checks the folder loaded whole.</summary>
internal static class BenchBot
{
    public static KnowledgeHolder Holder(BenchKnowledgeFolder folder)
    {
        var holder = new KnowledgeHolder(
            Options.Create(new KnowledgeOptions { Path = folder.Path }),
            Options.Create(BenchSettings.Clinic()),
            FixedClock.Default);
        var load = holder.LastLoad;
        if (load.HasErrors || holder.Current.Snippets.Count != folder.SnippetFiles || holder.Current.Index.SnippetCount != folder.SnippetFiles)
        {
            throw new InvalidOperationException(
                $"{folder.Path} loaded {holder.Current.Snippets.Count} snippets ({holder.Current.Index.SnippetCount} indexed) "
                + $"of {folder.SnippetFiles} files, with {load.ErrorCount} errors:{Environment.NewLine}"
                + string.Join(Environment.NewLine, load.Diagnostics.Take(20)));
        }

        return holder;
    }

    public static Answerer Answerer(KnowledgeHolder holder, InputOptions? input = null) =>
        new(holder, Options.Create(BenchSettings.Retrieval()), Options.Create(input ?? BenchSettings.Input()), FixedClock.Default);
}
