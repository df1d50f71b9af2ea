using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Access;
using Tandem.Store;

namespace Tandem.Server.Tests;

/// <summary>
/// The server on a real 127.0.0.1 port (Kestrel, not the in-memory test server), with callers
/// holding real API keys from its key store, for clients that open their own connections.
/// Documents are ingested through the library's ingestor, as the documents API will.
/// </summary>
public sealed class KestrelServer : IAsyncDisposable
{
    private readonly ServerFactory _factory;
    private readonly WebApplicationFactory<Program> _server;
    private readonly string _files = Directory.CreateTempSubdirectory("tandem-files-").FullName;
    private readonly Dictionary<Principal, string> _keys = [];

    /// <param name="settings">Configuration for the server (e.g. an OpenID Connect provider), on top of the store's path.</param>
    public KestrelServer(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _factory = new(settings);
        _server = _factory.WithWebHostBuilder(b => b.UseSetting("urls", "http://127.0.0.1:0"));
        _server.UseKestrel(0);
        _server.StartServer();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The server's services.</summary>
    public IServiceProvider Services => _server.Services;

    /// <summary>An HTTP client for <paramref name="caller"/> (anonymous when null).</summary>
    public HttpClient ClientFor(Principal? caller)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (caller is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", KeyFor(caller));
        }

        return client;
    }

    /// <summary>A real API key for <paramref name="caller"/> (one per principal), created in the server's key store as `tandem keys create` would.</summary>
    public string KeyFor(Principal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        lock (_keys)
        {
            if (!_keys.TryGetValue(caller, out var key))
            {
                var store = _server.Services.GetRequiredService<IApiKeyStore>();
                key = store.CreateAsync(new ApiKeyRequest { UserId = caller.UserId, Groups = caller.Groups }).GetAwaiter().GetResult().Secret;
                _keys[caller] = key;
            }

            return key;
        }
    }

    /// <summary>Stores a document written by the test as <paramref name="owner"/>'s.</summary>
    public async Task<IngestResult> IngestAsync(string fileName, string text, Principal owner, string? access = null)
    {
        var path = Path.Combine(_files, fileName);
        await File.WriteAllTextAsync(path, text);
        var ingestor = _server.Services.GetRequiredService<DocumentIngestor>();
        var result = await ingestor.IngestFileAsync(path, owner, access is null ? null : AccessList.Parse(access, owner));
        // As tandem ingest does; the server's background pass would get there too, a second later.
        await _server.Services.GetRequiredService<Tandem.Retrieval.ClauseEmbedder>().EmbedMissingAsync();
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _factory.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }
}
