using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Storage.Tests.TestSupport;

/// <summary>The storage services as the web host and the command line build them
/// (<see cref="StorageServices.AddFaqBotStorage"/>).</summary>
internal static class StorageHost
{
    /// <summary>The database and the key ring in <paramref name="dataPath"/>, <paramref name="settings"/>
    /// on top (<c>Section:Key</c>).</summary>
    public static ServiceProvider Build(string dataPath, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))
                .Prepend(KeyValuePair.Create("Storage:DataPath", (string?)dataPath)))
            .Build();
        return new ServiceCollection()
            .AddLogging()
            .AddFaqBotStorage(configuration, dataPath)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
