namespace Tandem.Server.Tests;

/// <summary>
/// A server on a store of its own per test, with clients for the usual cast: alice (in legal),
/// bob (a stranger to her) and an admin.
/// </summary>
public abstract class ServerTest : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];

    /// <param name="settings">Configuration for the server (e.g. configured models).</param>
    protected ServerTest(IReadOnlyDictionary<string, string?>? settings = null) => Factory = new ServerFactory(settings);

    protected ServerFactory Factory { get; }

    protected HttpClient Alice => _clients[0];

    protected HttpClient Bob => _clients[1];

    protected HttpClient Admin => _clients[2];

    public virtual async ValueTask InitializeAsync()
    {
        _clients.Add(await Factory.ClientForAsync("alice", "legal"));
        _clients.Add(await Factory.ClientForAsync("bob"));
        _clients.Add(await Factory.ClientForAsync("root", "admin"));
    }

    public virtual async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
