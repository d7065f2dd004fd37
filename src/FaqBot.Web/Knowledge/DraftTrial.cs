using FaqBot.Core.Answering;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Knowledge;

/// <summary>Both answers to one question, for the try panel: what patients are served now, and what
/// they would be served if every pending draft were approved.</summary>
public sealed record TrialAnswers(Answer Served, Answer WithDrafts, int Drafts);

/// <summary>
/// Asks a question against the draft knowledge without touching what patients are served: the
/// drafts are applied to a private copy of the current snapshot (<see cref="KnowledgeBase.WithDraftsApproved"/>),
/// answered through its own <see cref="Answerer"/>, and nothing is handed off to staff. The copy is
/// rebuilt only when the served snapshot changes.
/// </summary>
public sealed class DraftTrial(KnowledgeHolder knowledge, IOptions<RetrievalOptions> retrieval, IOptions<InputOptions> input, TimeProvider time)
{
    private volatile Trial? _trial;

    public async Task<TrialAnswers> AskAsync(string question, CancellationToken cancellationToken)
    {
        var trial = Current();
        var served = await trial.Served.AskAsync(question, cancellationToken);
        var withDrafts = await trial.WithDrafts.AskAsync(question, cancellationToken);
        return new TrialAnswers(served, withDrafts, trial.Snapshot.Drafts.Count);
    }

    private Trial Current()
    {
        var snapshot = knowledge.Current;
        if (_trial is { } trial && ReferenceEquals(trial.Snapshot, snapshot))
        {
            return trial;
        }

        trial = new Trial(snapshot, Over(snapshot), Over(snapshot.WithDraftsApproved()));
        _trial = trial;
        return trial;
    }

    private Answerer Over(KnowledgeBase kb) =>
        new(KnowledgeHolder.Fixed(kb, time), retrieval, input, time);

    private sealed record Trial(KnowledgeBase Snapshot, Answerer Served, Answerer WithDrafts);
}
