using Microsoft.Data.Sqlite;

namespace FaqBot.Storage.Sqlite;

/// <summary>Commands of fixed SQL text with every value bound as a parameter.</summary>
internal static class SqlCommands
{
    public static SqliteCommand Create(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (parameter, value) in parameters)
        {
            command.Parameters.AddWithValue(parameter, value);
        }

        return command;
    }
}
