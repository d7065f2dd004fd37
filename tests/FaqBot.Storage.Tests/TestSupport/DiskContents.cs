using System.Text;
using FaqBot.Storage.Database;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Transcripts;

namespace FaqBot.Storage.Tests.TestSupport;

/// <summary>What a database holds on disk, read past the store: the values of the columns that can
/// hold patient text, and the bytes of its files.</summary>
internal static class DiskContents
{
    /// <summary>Every non-empty value of every protected column, as stored, with its column
    /// (<c>table.column</c>) and conversation.</summary>
    public static async Task<List<(string Column, string Conversation, string Value)>> ProtectedValuesAsync(IStoreDatabase database)
    {
        var values = new List<(string, string, string)>();
        await using var connection = await database.OpenAsync(default);
        foreach (var (table, _, column) in TranscriptStore.ProtectedColumns)
        {
            await using var command = connection.CreateCommand();
            var conversation = table == "conversations" ? "id" : "conversation_id";
            command.CommandText = $"SELECT {conversation}, {column} FROM {table} WHERE {column} <> '';";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                values.Add(($"{table}.{column}", reader.GetString(0), reader.GetString(1)));
            }
        }

        return values;
    }

    /// <summary>Every non-null value of <paramref name="table"/>.<paramref name="column"/> as stored (names from the test, never input).</summary>
    public static async Task<List<string>> RawValuesAsync(IStoreDatabase database, string table, string column)
    {
        var values = new List<string>();
        await using var connection = await database.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM {table} WHERE {column} IS NOT NULL;";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Whether the database file or its write-ahead log holds <paramref name="word"/> in
    /// clear (UTF-8), as a copy of the data folder would.</summary>
    public static bool FilesHold(SqliteDatabase database, string word)
    {
        var bytes = Encoding.UTF8.GetBytes(word);
        return new[] { database.FilePath, database.FilePath + "-wal" }.Where(File.Exists).Any(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(bytes) >= 0;
        });
    }
}
