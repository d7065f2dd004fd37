using System.Data.Common;

namespace FaqBot.Storage.Database;

/// <summary>Commands of fixed SQL text with every value bound as a parameter, and the readers'
/// conversions, the same on both engines. Values are bound in one shape whatever the engine:
/// booleans and 32-bit numbers as 64-bit integers (the schema's integer columns), null as
/// <see cref="DBNull"/>, and a NUL character in text as U+FFFD (PostgreSQL's text cannot hold it).</summary>
public static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Bind(name, value);
        }

        return command;
    }

    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        Command(connection, null, sql, parameters);

    /// <summary>Adds the parameter <paramref name="name"/>, or sets it when the command has it already.</summary>
    public static void Bind(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        DbParameter parameter;
        if (command.Parameters.Contains(name))
        {
            parameter = command.Parameters[name];
        }
        else
        {
            parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        parameter.Value = Value(value);
    }

    /// <summary>Sets the command's parameters in the order they were added.</summary>
    public static void BindInOrder(this DbCommand command, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = Value(values[i]);
        }
    }

    /// <summary>A command with parameters named <paramref name="names"/> and no values yet (see <see cref="BindInOrder"/>).</summary>
    public static DbCommand Prepared(DbConnection connection, string sql, params string[] names)
    {
        var command = Command(connection, null, sql);
        foreach (var name in names)
        {
            command.Bind(name, null);
        }

        return command;
    }

    /// <summary>Runs <paramref name="sql"/> (one or more statements) in a transaction of its own on a
    /// fresh connection and commits; returns the rows the statements changed.</summary>
    public static async Task<int> ExecuteAsync(this IStoreDatabase database, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = Command(connection, transaction, sql, parameters);
        var rows = await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return rows;
    }

    public static async Task<long> ScalarInt64Async(this DbCommand command, CancellationToken cancellationToken) =>
        Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    public static int IntValue(this DbDataReader reader, int ordinal) =>
        checked((int)Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture));

    public static long LongValue(this DbDataReader reader, int ordinal) =>
        Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A 0/1 column or a boolean expression, as the engine returns it.</summary>
    public static bool Flag(this DbDataReader reader, int ordinal) =>
        !reader.IsDBNull(ordinal) && Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture) != 0;

    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset Time(this DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.LongValue(ordinal));

    public static DateTimeOffset? NullableTime(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.Time(ordinal);

    private static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        bool flag => flag ? 1L : 0L,
        int number => (long)number,
        string text when text.Contains('\0', StringComparison.Ordinal) => text.Replace('\0', '\uFFFD'),
        _ => value,
    };
}
