using System.Diagnostics.CodeAnalysis;

namespace FaqBot.Storage.Tests.TestSupport;

/// <summary>A contract test class: its tests run once per engine, each class over a store of its
/// own (<see cref="Temp"/>, seeded by <see cref="SeedAsync"/>). A suite declares itself abstract
/// with nested <c>OnSqlite</c> and <c>OnPostgreSql</c> classes that name the engine.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes the class through IAsyncLifetime.DisposeAsync.")]
public abstract class StoreContract(Engine engine) : IAsyncLifetime
{
    private TempStore? _temp;

    protected Engine Engine => engine;

    internal TempStore Temp => _temp ?? throw new InvalidOperationException("The store is made in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _temp = await TempStore.CreateAsync(engine);
        await SeedAsync();
    }

    /// <summary>What the class's tests share, written before each test.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_temp is not null)
        {
            await _temp.DisposeAsync();
        }
    }

    /// <summary>Another store on the same engine, of the test's own.</summary>
    internal Task<TempStore> NewStoreAsync(params (string Key, string Value)[] settings) => TempStore.CreateAsync(engine, settings);
}
