using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Database;
using FaqBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage.Tests.Accounts;

public sealed class AccountOptionsTests
{
    [Theory]
    [InlineData("Accounts:MinPasswordLength", "8")]
    [InlineData("Accounts:MaxFailedAttempts", "0")]
    [InlineData("Accounts:LockoutMinutes", "0")]
    [InlineData("Accounts:MaxFailedAttemptsPerAccount", "0")]
    [InlineData("Accounts:MaxFailedAttemptsPerAccount", "4")] // below the five one address may make
    [InlineData("Accounts:KnownClientDays", "0")]
    public void Settings_out_of_range_are_refused(string key, string value)
    {
        using var services = Services(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AccountOptions>>().Value);

        Assert.Contains(key.Split(':')[1], string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_five_attempts_fifteen_minutes_and_twelve_characters_and_the_store_and_log_resolve()
    {
        using var services = Services([]);

        var options = services.GetRequiredService<IOptions<AccountOptions>>().Value;

        Assert.Equal((5, 15, 12), (options.MaxFailedAttempts, options.LockoutMinutes, options.MinPasswordLength));
        Assert.Equal((50, 90), (options.MaxFailedAttemptsPerAccount, options.KnownClientDays));
        Assert.NotNull(services.GetRequiredService<AccountStore>());
        Assert.NotNull(services.GetRequiredService<AuditLog>());
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(new StorageOptions { DataPath = Path.Combine(Path.GetTempPath(), "faqbot-storage-tests", "unused") }));
        services.AddSingleton<IStoreDatabase, SqliteDatabase>();
        services.AddAccounts(configuration);
        return services.BuildServiceProvider();
    }
}
