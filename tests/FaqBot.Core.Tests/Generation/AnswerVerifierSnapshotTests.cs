using FaqBot.Core.Generation;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Core.Tests.Generation;

/// <summary>The verifier keeps what it read of each snippet per knowledge snapshot: after an edit
/// is reloaded, the same verifier checks against the new text, never the old.</summary>
public sealed class AnswerVerifierSnapshotTests
{
    private const string Answer = "The infusion itself is described as taking anywhere from about 40 minutes to about 120 minutes [1].";

    [Fact]
    public void An_edited_snippet_is_read_again_after_the_reload()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var holder = TestBot.Holder(folder.Path, new FakeTimeProvider(TestBot.Now));
        var verifier = new AnswerVerifier();
        var before = holder.Current;

        Assert.False(verifier.Verify(Answer, [Snippet(before)], before.Safety).Accepted);

        var file = Path.Combine(folder.SnippetsPath, "infusion-length.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("about 90 minutes", "about 120 minutes", StringComparison.Ordinal));
        Assert.NotNull(holder.Reload().Knowledge);
        var after = holder.Current;

        var verification = verifier.Verify(Answer, [Snippet(after)], after.Safety);
        Assert.True(verification.Accepted, verification.Problem);
        Assert.False(verifier.Verify(Answer, [Snippet(before)], before.Safety).Accepted);
    }

    private static FaqBot.Core.Knowledge.Snippet Snippet(FaqBot.Core.Knowledge.KnowledgeBase knowledge) =>
        knowledge.Snippets.Single(s => s.Id == "infusion-length");
}
