using FaqBot.Cli.Tests.Support;

namespace FaqBot.Cli.Tests.Hosting;

/// <summary>A command that needs the database says clearly when the PostgreSQL server it is given
/// cannot be reached or is not named, with exit code 2 and no stack trace.</summary>
[Collection(CliProcessGroup.Name)]
public sealed class DatabaseSettingsProcessTests
{
    [Fact]
    public async Task An_unreachable_postgresql_server_is_reported_with_where_it_was_looked_for()
    {
        var result = await CliProcess.RunAsync(null, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__FaqBot"] = "Host=127.0.0.1;Port=1;Database=faqbot;Username=faqbot;Timeout=2",
            ["Storage__DataPath"] = Path.Combine(Path.GetTempPath(), "faqbot-cli-unreachable", Guid.NewGuid().ToString("N")),
        }, "users", "list");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("PostgreSQL database 'faqbot' on 127.0.0.1:1 cannot be reached (ConnectionStrings:FaqBot)", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgreSql_without_a_connection_string_is_refused_as_invalid_settings()
    {
        var result = await CliProcess.RunAsync(null, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["Storage__DataPath"] = Path.Combine(Path.GetTempPath(), "faqbot-cli-unreachable", Guid.NewGuid().ToString("N")),
        }, "users", "list");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("Invalid settings:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Storage:Provider PostgreSql needs ConnectionStrings:FaqBot", result.StandardError, StringComparison.Ordinal);
    }
}
