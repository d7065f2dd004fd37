using System.Net;
using FaqBot.Cli.Tests.Support;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Review;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Transcripts;

/// <summary>What a patient says is stored encrypted: the database holds none of their words, while
/// the staff pages, the exports and the command line (with the keys of the data folder) show them,
/// and a host without those keys shows a placeholder instead of failing.</summary>
public sealed class TranscriptEncryptionTests : IDisposable
{
    /// <summary>A question with no approved answer (so it reaches the handoff queue and the
    /// unanswered report) around a word nothing else in the database holds.</summary>
    private const string Question = "Do you validate parking at the trampoline garage?";

    /// <summary>The word's stem too: the trace keeps the terms it read.</summary>
    private const string Word = "trampolin";

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "faqbot-encryption-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_turn_is_stored_encrypted_and_the_review_page_the_queue_the_report_and_the_export_show_it()
    {
        await using var factory = Host();
        var conversation = await AskAsync(factory);
        var admin = await factory.SignedInClientAsync(Roles.Admin);

        var review = await admin.GetStringAsync(ReviewRoutes.Conversation(conversation));
        var handoffs = await admin.GetStringAsync("/handoffs");
        var unanswered = await admin.GetStringAsync("/unanswered");
        var transcript = await admin.GetStringAsync(ReviewRoutes.Transcript(conversation));
        var raw = await DiskContents.ProtectedValuesAsync(Database(factory));

        Assert.NotEmpty(raw);
        Assert.All(raw, r => Assert.StartsWith(StoredText.Marker, r.Value, StringComparison.Ordinal));
        Assert.False(DiskContents.FilesHold(Database(factory), Word), $"The database file holds '{Word}' in clear.");
        Assert.Contains(Question, review, StringComparison.Ordinal);
        Assert.Contains(Question, handoffs, StringComparison.Ordinal);
        Assert.Contains(Question, unanswered, StringComparison.Ordinal);
        Assert.Contains(Question, transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_export_reads_what_the_web_host_wrote_with_the_keys_of_the_data_folder()
    {
        string conversation;
        await using (var factory = Host())
        {
            conversation = await AskAsync(factory);
            Assert.All(await DiskContents.ProtectedValuesAsync(Database(factory)), r => Assert.DoesNotContain(Word, r.Value, StringComparison.Ordinal));
        }

        var export = await CliProcess.RunAsync(null, new Dictionary<string, string> { ["Storage__DataPath"] = _dataPath },
            "transcripts", "export", "--conversation", conversation);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains(Question, export.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(StoredText.Unreadable, export.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_keys_it_was_written_with_a_conversation_shows_a_placeholder_and_every_page_still_renders()
    {
        string conversation;
        await using (var writer = Host())
        {
            conversation = await AskAsync(writer);
        }

        // Keys lost, or the database copied to a host that never had them.
        Directory.Delete(Path.Combine(_dataPath, "keys"), recursive: true);
        await using var reader = Host();
        var admin = await reader.SignedInClientAsync(Roles.Admin);

        var pages = new[] { ReviewRoutes.Conversation(conversation), "/handoffs", "/unanswered", ReviewRoutes.Transcript(conversation) };
        var responses = await Task.WhenAll(pages.Select(admin.GetAsync));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(bodies, body => Assert.Contains(StoredText.Unreadable, body, StringComparison.Ordinal));
        Assert.All(bodies, body => Assert.DoesNotContain(Word, body, StringComparison.Ordinal));
        Assert.DoesNotContain("start-draft", bodies[2], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    private FaqBotFactory Host() => new FaqBotFactory().With("Storage:DataPath", _dataPath);

    /// <summary>A patient asks <see cref="Question"/> through Web Chat's channel; returns the conversation id.</summary>
    private static async Task<string> AskAsync(FaqBotFactory factory)
    {
        var patient = await DirectLineClient.StartAsync(factory.CreateClient());
        var reply = await patient.AskAsync(Question);
        Assert.NotNull(reply);
        return patient.ConversationId;
    }

    private static SqliteDatabase Database(FaqBotFactory factory) => factory.Services.GetRequiredService<SqliteDatabase>();
}
