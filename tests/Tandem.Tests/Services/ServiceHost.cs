using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Hosting;
using Tandem.Tests.Support;

namespace Tandem.Tests.Services;

/// <summary>The library's services over a real SQLite store in a temp folder, wired by <c>AddTandem().UseSqlite()</c> as every surface wires them.</summary>
public sealed class ServiceHost : IAsyncDisposable
{
    public ServiceHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        DatabasePath = Dir.File("tandem.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        Services = new ServiceCollection().AddTandem(configuration).UseSqlite(DatabasePath).Services.BuildServiceProvider();
    }

    public TempDirectory Dir { get; } = new();

    public string DatabasePath { get; }

    public ServiceProvider Services { get; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Dir.Dispose();
    }
}
