using Microsoft.Extensions.Options;
using Tandem.Hosting;
using Tandem.Server.Jobs;

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
    /// cannot use is a <see cref="TandemException"/>. Without <paramref name="worker"/> the node
    /// queues jobs and runs none (PostgreSQL only: <c>tandem worker</c> nodes run them).
    /// </summary>
    public static async Task RunAsync(string databasePath, string urls, TextWriter output, string? postgres = null, bool worker = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls", urls] });
        UseStore(builder.Configuration, databasePath, postgres);
        if (!worker)
        {
            builder.Configuration[$"{JobServerOptions.Section}:{nameof(JobServerOptions.Worker)}"] = "false";
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
        var jobs = app.Services.GetRequiredService<IOptions<JobServerOptions>>().Value;
        await output.WriteLineAsync($"tandem serve: listening on {urls} (store {store}; {(jobs.Worker ? $"runs {jobs.Workers} job(s) at once" : "runs no jobs")}); Ctrl-C stops");
        await output.FlushAsync(cancellationToken);
        await using var stop = cancellationToken.Register(() => app.Lifetime.StopApplication());
        await app.WaitForShutdownAsync(CancellationToken.None);
    }

    /// <summary>The store a node serves from: the SQLite file at <paramref name="databasePath"/>, or PostgreSQL given <paramref name="postgres"/>.</summary>
    internal static void UseStore(IConfiguration configuration, string databasePath, string? postgres)
    {
        configuration[ServerExtensions.DatabaseKey] = databasePath;
        if (postgres is not null)
        {
            configuration[Postgres.Hosting.PostgresTandemBuilderExtensions.StoreKey] = "postgres";
            configuration[Postgres.Hosting.PostgresTandemBuilderExtensions.ConnectionStringKey] = postgres;
        }
    }
}
