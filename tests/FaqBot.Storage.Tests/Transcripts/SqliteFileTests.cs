using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage.Tests.Transcripts;

/// <summary>The embedded database's own file: its journal mode, its integrity, its schema version.</summary>
public sealed class SqliteFileTests
{
    [Fact]
    public async Task A_new_database_is_created_in_wal_mode_and_passes_the_integrity_check()
    {
        await using var temp = new TempStore();
        await temp.AppendAsync(Turns.Of("c", Turns.T0));

        await using var connection = temp.SqliteFile.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
        Assert.Equal("ok", temp.SqliteFile.IntegrityCheck());
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_a_clear_message()
    {
        await using var temp = new TempStore();
        await using (var connection = temp.SqliteFile.Open())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            await command.ExecuteNonQueryAsync();
        }

        var fresh = new SqliteDatabase(Options.Create(new StorageOptions { DataPath = temp.Folder }));

        var error = Assert.Throws<InvalidOperationException>(fresh.EnsureMigrated);
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }
}
