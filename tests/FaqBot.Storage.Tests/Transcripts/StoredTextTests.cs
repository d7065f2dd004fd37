using System.Text.Json.Nodes;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;

namespace FaqBot.Storage.Tests.Transcripts;

/// <summary>Patient text is encrypted at rest in every column that can hold it, read back through
/// the store as written, rows stored plain before still read, and a value whose key is gone reads as
/// a placeholder instead of failing.</summary>
public abstract class StoredTextTests(Engine engine)
{
    /// <summary>A word no other value in the database holds, in every column that can carry patient text.</summary>
    private const string Word = "Quillonbury";

    private static readonly (string Key, string Value) Plain = ("Transcripts:EncryptAtRest", "false");

    [Fact]
    public async Task Every_column_with_patient_text_is_encrypted_on_disk_and_reads_back_through_the_store()
    {
        await using var temp = await TempStore.CreateAsync(engine);
        await temp.AppendAsync(Marked("c1", Turns.T0));
        await temp.Store.SetNoteAsync("c1", $"Called {Word} back", CancellationToken.None);

        var raw = await DiskContents.ProtectedValuesAsync(temp.Database);
        var stored = (await temp.Store.GetAsync("c1", CancellationToken.None))!;
        var handoff = Assert.Single(await temp.Store.HandoffsAsync(includeClosed: true, CancellationToken.None));
        var unanswered = Assert.Single(await temp.Store.UnansweredAsync(Turns.T0.AddDays(-1), Turns.T0.AddDays(1), CancellationToken.None));

        Assert.All(TranscriptStore.ProtectedColumns, column => Assert.Contains(raw, r => r.Column == $"{column.Table}.{column.Column}"));
        Assert.All(raw, r => Assert.StartsWith(StoredText.Marker, r.Value, StringComparison.Ordinal));
        Assert.False(engine == Engine.Sqlite && DiskContents.FilesHold(temp.SqliteFile, Word), $"The database file holds {Word} in clear.");
        Assert.All(stored.Activities, a => Assert.Contains(Word, a.Json, StringComparison.Ordinal));
        Assert.Contains(Word, stored.Turns[0].Summary.Question, StringComparison.Ordinal);
        Assert.Contains(Word, stored.Turns[0].Summary.TraceJson, StringComparison.Ordinal);
        Assert.Equal($"Called {Word} back", stored.Note);
        Assert.Equal($"Asked about {Word}", handoff.Message);
        Assert.Equal(stored.Turns[0].Summary.Question, unanswered.Question);
    }

    [Fact]
    public async Task Rows_stored_plain_before_encryption_still_read_and_new_rows_are_encrypted()
    {
        await using var before = await TempStore.CreateAsync(engine, Plain);
        await before.AppendAsync(Marked("old", Turns.T0));
        await before.CloseAsync();

        await using var after = before.Reopen();
        await after.AppendAsync(Marked("new", Turns.T0.AddMinutes(1)));

        var raw = await DiskContents.ProtectedValuesAsync(after.Database);
        var old = (await after.Store.GetAsync("old", CancellationToken.None))!;
        var handoffs = await after.Store.HandoffsAsync(includeClosed: true, CancellationToken.None);

        Assert.Contains(raw, r => r.Conversation == "old" && r.Value.Contains(Word, StringComparison.Ordinal));
        Assert.All(raw.Where(r => r.Conversation == "new"), r => Assert.StartsWith(StoredText.Marker, r.Value, StringComparison.Ordinal));
        Assert.Contains(Word, old.Turns[0].Summary.Question, StringComparison.Ordinal);
        Assert.All(old.Activities, a => Assert.Contains(Word, a.Json, StringComparison.Ordinal));
        Assert.Equal([$"Asked about {Word}", $"Asked about {Word}"], handoffs.Select(h => h.Message));
    }

    [Fact]
    public async Task Without_the_keys_each_protected_value_reads_as_a_placeholder_and_plain_ones_as_they_are()
    {
        await using var temp = await TempStore.CreateAsync(engine);
        await temp.AppendAsync(Marked("c1", Turns.T0));
        await temp.Store.SetNoteAsync("c1", $"Called {Word} back", CancellationToken.None);
        await temp.CloseAsync();
        await temp.ForgetKeysAsync();

        await using var withoutKeys = temp.Reopen();
        var stored = (await withoutKeys.Store.GetAsync("c1", CancellationToken.None))!;
        var handoff = Assert.Single(await withoutKeys.Store.HandoffsAsync(includeClosed: true, CancellationToken.None));
        var unanswered = Assert.Single(await withoutKeys.Store.UnansweredAsync(Turns.T0.AddDays(-1), Turns.T0.AddDays(1), CancellationToken.None));

        Assert.Equal(StoredText.Unreadable, stored.Turns[0].Summary.Question);
        Assert.Equal(StoredText.Unreadable, (string?)JsonNode.Parse(stored.Turns[0].Summary.TraceJson)!["decision"]);
        Assert.All(stored.Activities, a =>
        {
            var json = JsonNode.Parse(a.Json)!;
            Assert.Equal(StoredText.Unreadable, (string?)json["text"]);
            Assert.Equal(a.ActivityId, (string?)json["id"]);
            Assert.Equal(a.Type, (string?)json["type"]);
        });
        Assert.Equal(StoredText.Unreadable, stored.Note);
        Assert.Equal(StoredText.Unreadable, handoff.Message);
        Assert.Equal(StoredText.Unreadable, unanswered.Question);
        Assert.Equal("no-answer", stored.Turns[0].Summary.Outcome);
    }

    [Fact]
    public async Task Protect_encrypts_rows_stored_plain_in_place_in_batches_with_progress_and_a_second_run_finds_none()
    {
        await using var before = await TempStore.CreateAsync(engine, Plain);
        await before.AppendAsync([.. Enumerable.Range(0, 3).Select(i => Marked("c" + i, Turns.T0.AddMinutes(i)))]);
        await before.Store.SetNoteAsync("c0", $"Called {Word} back", CancellationToken.None);
        await before.CloseAsync();

        await using var after = before.Reopen();
        var reports = new List<ProtectProgress>();
        var progress = new Recorder(reports);

        var first = await after.Store.ProtectPlainTextAsync(batchSize: 2, progress, CancellationToken.None);
        var second = await after.Store.ProtectPlainTextAsync(batchSize: 2, null, CancellationToken.None);

        var raw = await DiskContents.ProtectedValuesAsync(after.Database);
        Assert.Equal(6 + 3 + 3 + 3 + 1, first);
        Assert.Equal(0, second);
        Assert.All(raw, r => Assert.StartsWith(StoredText.Marker, r.Value, StringComparison.Ordinal));
        Assert.False(engine == Engine.Sqlite && DiskContents.FilesHold(after.SqliteFile, Word), $"The database file still holds {Word} in clear.");
        Assert.Equal([(0L, 6L), (2L, 6L), (4L, 6L), (6L, 6L)], reports.Where(r => r.Column == "activities.json").Select(r => (r.Done, r.Total)));
        var note = reports.Last(r => r.Column == "conversations.note");
        Assert.Equal((1L, 1L), (note.Done, note.Total));
        var stored = (await after.Store.GetAsync("c0", CancellationToken.None))!;
        Assert.Equal($"Called {Word} back", stored.Note);
        Assert.Contains(Word, stored.Turns[0].Summary.TraceJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_text_that_begins_like_a_protected_value_reads_back_as_itself()
    {
        await using var temp = await TempStore.CreateAsync(engine, Plain);
        var question = StoredText.Marker + "is this a code?";
        await temp.AppendAsync(Turns.Of("c1", Turns.T0, question: question));

        var stored = (await temp.Store.GetAsync("c1", CancellationToken.None))!;

        Assert.Equal(question, stored.Turns[0].Summary.Question);
    }

    /// <summary>A turn with no answer whose message, reply, trace and handoff all hold <see cref="Word"/>.</summary>
    private static TurnRecord Marked(string conversation, DateTimeOffset at)
    {
        var record = Turns.Of(conversation, at, outcome: "no-answer", question: $"Is {Word} covered?",
            handoff: Turns.Handoff("no-answer", at, message: $"Asked about {Word}"));
        return record with { Turn = record.Turn! with { TraceJson = $$"""{"decision":"no-answer","terms":[{"term":"{{Word.ToLowerInvariant()}}"}],"clauses":["{{Word}}"]}""" } };
    }

    private sealed class Recorder(List<ProtectProgress> reports) : IProgress<ProtectProgress>
    {
        public void Report(ProtectProgress value) => reports.Add(value);
    }

    public sealed class OnSqlite() : StoredTextTests(Engine.Sqlite);

    public sealed class OnPostgreSql() : StoredTextTests(Engine.PostgreSql);
}
