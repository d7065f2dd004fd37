using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace FaqBot.Storage;

/// <summary>Where transcripts, Direct Line state, handoffs, accounts, the audit log and snippet
/// history are kept (section <c>Storage</c>). The embedded default is one SQLite file in
/// <see cref="DataPath"/>, created on first run; <c>PostgreSql</c> keeps them on the server named by
/// <c>ConnectionStrings:FaqBot</c>, which several hosts can share.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";
    public const string SqliteProvider = "Sqlite";
    public const string PostgreSqlProvider = "PostgreSql";
    public const string ConnectionStringName = "FaqBot";
    public const string FileName = "faqbot.db";

    /// <summary><c>Sqlite</c> (the default) or <c>PostgreSql</c>.</summary>
    [Required]
    [RegularExpression("^(?i:sqlite|postgresql)$", ErrorMessage = "Storage:Provider must be Sqlite or PostgreSql.")]
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>Folder of the database file (and of the encoder's vector files); relative paths
    /// are resolved against the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary><c>ConnectionStrings:FaqBot</c>, read when <see cref="Provider"/> is <c>PostgreSql</c>.</summary>
    public string ConnectionString { get; set; } = "";

    public bool IsPostgreSql => string.Equals(Provider, PostgreSqlProvider, StringComparison.OrdinalIgnoreCase);

    public string DatabaseFile => Path.Combine(DataPath, FileName);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsPostgreSql)
        {
            yield break;
        }

        string? problem = null;
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problem = $"Storage:Provider PostgreSql needs ConnectionStrings:{ConnectionStringName} (for example Host=db.example;Database=faqbot;Username=faqbot;Password=...).";
        }
        else
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
                {
                    problem = $"ConnectionStrings:{ConnectionStringName} must name a Host and a Database.";
                }
            }
            catch (ArgumentException ex)
            {
                problem = $"ConnectionStrings:{ConnectionStringName} is not a PostgreSQL connection string: {ex.Message}";
            }
        }

        if (problem is not null)
        {
            yield return new ValidationResult(problem, [nameof(ConnectionString)]);
        }
    }
}
