using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Hosting;

namespace Tandem.Postgres.Tests.Support;

/// <summary>The embedded store: a new SQLite file per test, deleted afterwards.</summary>
public sealed class SqliteBackend : IStoreBackend
{
    public string? Unavailable => null;

    public Task<StoreServices> OpenAsync(TimeProvider time)
    {
        var folder = new TempFolder();
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddTandem(new ConfigurationBuilder().Build()).UseSqlite(System.IO.Path.Combine(folder.Path, "tandem.db"));
        return Task.FromResult(new StoreServices(services.BuildServiceProvider(), () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Dispose();
            return ValueTask.CompletedTask;
        }));
    }
}
