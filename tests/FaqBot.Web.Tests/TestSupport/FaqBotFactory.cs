using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.TestSupport;

/// <summary>The real web host on the repository's knowledge, in memory. Settings can be
/// overridden per test (as environment variables would); services can be swapped. Each factory
/// keeps its database (transcripts, accounts, audit log) in a temporary folder of its own,
/// deleted with it, unless a test sets <c>Storage:DataPath</c> itself; the vector store is shared
/// (<see cref="SharedVectors"/>). Every host shares the one
/// loaded sentence encoder of the assembly (<see cref="LoadedEncoder"/>) instead of loading its own.</summary>
public sealed class FaqBotFactory : WebApplicationFactory<Program>
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "faqbot-web-tests", Guid.NewGuid().ToString("N"));

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal)
    {
        ["DirectLine:Secret"] = TestSecret,
        // Tests talk faster than any person; the rate limit tests set their own limits.
        ["RateLimits:DirectLinePerMinute"] = "1000000",
        ["RateLimits:ChatTokensPerMinute"] = "1000000",
        ["RateLimits:SignInsPerMinute"] = "1000000",
    };

    private readonly List<Action<IServiceCollection>> _services = [];

    public const string TestSecret = "test-direct-line-secret-0123456789";

    /// <summary>One vector store for every host of every test run on this machine (and the fuzzer's
    /// hosts): the examples' and snippets' vectors depend only on their texts and the model, so a
    /// host that starts after the first reads them instead of encoding thousands of texts again.</summary>
    public static readonly string SharedVectors = Path.Combine(Path.GetTempPath(), "faqbot-test-vectors");

    public FaqBotFactory()
    {
        _settings["Storage:DataPath"] = _dataPath;
        _settings["Embeddings:CachePath"] = SharedVectors;
    }

    public FaqBotFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public FaqBotFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(LoadedEncoder.MiniLm);
            _services.ForEach(configure => configure(services));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(_dataPath))
            {
                Directory.Delete(_dataPath, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}
