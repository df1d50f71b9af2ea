using Tandem.Access;
using Tandem.Postgres.Tests.Support;
using Tandem.Store;

namespace Tandem.Postgres.Tests.Conformance;

/// <summary>
/// What every conformance class shares: a fresh store of the backend under test per test, a clock,
/// files to ingest, and the users. In the style of Microsoft.Extensions.VectorData's conformance
/// tests: an abstract class per store interface holds the tests, and each backend runs them
/// through a subclass that only says which backend it is.
/// </summary>
public abstract class StoreConformance(IStoreBackend backend) : IAsyncLifetime
{
    private StoreServices? _store;

    protected static Principal Alice { get; } = new("alice", ["legal"]);

    protected static Principal Bob { get; } = new("bob");

    /// <summary>Another member of Alice's group.</summary>
    protected static Principal Carol { get; } = new("carol", ["legal"]);

    protected static Principal Admin { get; } = new("root", ["admin"]);

    protected TestClock Clock { get; } = new();

    protected TempFolder Files { get; } = new();

    /// <summary>The store under test; skips the test (outside CI) when the backend cannot run here.</summary>
    protected StoreServices Store => _store ?? throw SkipNow();

    public async ValueTask InitializeAsync()
    {
        if (backend.Unavailable is null)
        {
            _store = await backend.OpenAsync(Clock);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        Files.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes <paramref name="text"/> to a file and ingests it for <paramref name="owner"/> (access as the CLI's --access, else the owner only).</summary>
    protected Task<IngestResult> IngestAsync(string name, string text, Principal owner, string? access = null) =>
        Store.Ingestor.IngestFileAsync(Files.Write(name, text), owner, access is null ? null : AccessList.Parse(access));

    private Exception SkipNow()
    {
        Assert.Skip(backend.Unavailable!);
        return new InvalidOperationException("unreachable");
    }
}
