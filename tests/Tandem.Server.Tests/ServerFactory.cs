using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Tandem.Access;

namespace Tandem.Server.Tests;

/// <summary>The server in memory on a store of its own, in a temporary folder removed on dispose.</summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tandem-server-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="settings">Configuration to set (e.g. a rate limit), on top of the store's path.</param>
    /// <param name="services">Service changes made after the server's own (e.g. a clock, a JWT signing key).</param>
    public ServerFactory(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = new(settings ?? new Dictionary<string, string?>());
        _services = services;
    }

    /// <summary>The SQLite file the server uses.</summary>
    public string DatabasePath => Path.Combine(_folder, "tandem.db");

    /// <summary>The server's key store, to create keys as the CLI would.</summary>
    public IApiKeyStore Keys => Services.GetRequiredService<IApiKeyStore>();

    /// <summary>A client sending a new key for <paramref name="user"/> with <paramref name="groups"/>.</summary>
    public async Task<HttpClient> ClientForAsync(string user, params string[] groups)
    {
        var created = await Keys.CreateAsync(new ApiKeyRequest { UserId = user, Groups = groups });
        return ClientWith(created.Secret);
    }

    /// <summary>A client sending <paramref name="token"/> as its bearer credential.</summary>
    public HttpClient ClientWith(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(ServerExtensions.DatabaseKey, DatabasePath);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Production");
        // Information from every server the suite starts would bury a failing test's message in CI's output.
        // The web app's key ring is kept unencrypted in the store by design (README: several web nodes): its warning per fresh store is noise here.
        builder.ConfigureLogging(l => l.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning)
            .AddFilter<ConsoleLoggerProvider>("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }
}
