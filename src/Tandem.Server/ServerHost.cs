using Tandem.Hosting;

namespace Tandem.Server;

/// <summary>
/// Runs the server in the foreground on a given store and addresses, for <c>tandem serve</c>:
/// Ctrl-C, SIGTERM or <c>cancellationToken</c> stop it cleanly (requests in flight finish).
/// </summary>
public static class ServerHost
{
    /// <summary>
    /// Serves until stopped, from the SQLite file at <paramref name="databasePath"/> or, given
    /// <paramref name="postgres"/> (a connection string), from PostgreSQL; a store or an address it
    /// cannot use is a <see cref="TandemException"/>.
    /// </summary>
    public static async Task RunAsync(string databasePath, string urls, TextWriter output, string? postgres = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls", urls] });
        builder.Configuration[ServerExtensions.DatabaseKey] = databasePath;
        if (postgres is not null)
        {
            builder.Configuration[Postgres.Hosting.PostgresTandemBuilderExtensions.StoreKey] = "postgres";
            builder.Configuration[Postgres.Hosting.PostgresTandemBuilderExtensions.ConnectionStringKey] = postgres;
        }

        builder.AddTandemServer();
        await using var app = builder.Build();
        app.MapTandemServer();
        // A bad setting is one line, not a stack trace from the host's own start-up check.
        app.Services.ValidateTandemOptions();
        // Open the store before listening, so a store it cannot use is one line now rather than a 500 on every request.
        await app.Services.GetRequiredService<Access.IApiKeyStore>().ListAsync(cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw new TandemException($"cannot listen on {urls} ({ex.Message.TrimEnd('.')})", "stop what uses that address, or choose another with --urls", ex);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("HTTPS", StringComparison.OrdinalIgnoreCase))
        {
            throw new TandemException($"cannot listen on {urls}: no HTTPS certificate is configured", "use http:// behind a TLS-terminating proxy, or configure Kestrel's certificate", ex);
        }

        var store = app.Services.GetService<Postgres.PostgresDatabase>()?.Display ?? databasePath;
        await output.WriteLineAsync($"tandem serve: listening on {urls} (store {store}); Ctrl-C stops");
        await output.FlushAsync(cancellationToken);
        await using var stop = cancellationToken.Register(() => app.Lifetime.StopApplication());
        await app.WaitForShutdownAsync(CancellationToken.None);
    }
}
