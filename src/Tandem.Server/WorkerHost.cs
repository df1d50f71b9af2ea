using Hangfire;
using Microsoft.Extensions.Options;
using Tandem.Hosting;
using Tandem.Postgres;
using Tandem.Postgres.Hosting;
using Tandem.Server.Jobs;

namespace Tandem.Server;

/// <summary>
/// Runs a worker node in the foreground, for <c>tandem worker</c>: Tandem's services on the shared
/// PostgreSQL store and a Hangfire job server, and no HTTP at all. A deployment is N API nodes
/// (<c>tandem serve --no-worker</c>) and M of these; any of them may die, and a job its worker
/// held is taken by another. Ctrl-C, SIGTERM or <c>cancellationToken</c> stop it (running jobs
/// are cancelled and taken again later).
/// </summary>
public static class WorkerHost
{
    /// <summary>Works until stopped; a store it cannot use, or the SQLite file, is a <see cref="TandemException"/>.</summary>
    public static async Task RunAsync(string databasePath, TextWriter output, string? postgres = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var builder = Host.CreateApplicationBuilder();
        ServerHost.UseStore(builder.Configuration, databasePath, postgres);
        if (!TandemJobsExtensions.IsPostgres(builder.Configuration))
        {
            throw new TandemException("a worker needs the shared PostgreSQL store: on the SQLite file, jobs live inside the 'tandem serve' process that runs them",
                "start it with --store \"Host=...\" (the API nodes' store), or let 'tandem serve' run the jobs itself");
        }

        builder.Configuration[$"{JobServerOptions.Section}:{nameof(JobServerOptions.Worker)}"] = "true";
        builder.Services.AddTandem(builder.Configuration).UsePostgres(builder.Configuration[PostgresTandemBuilderExtensions.ConnectionStringKey]!);
        builder.Services.AddTandemJobs(builder.Configuration);
        Reviews.ServerPlaybooks.AddTandemPlaybooks(builder.Services, builder.Configuration);
        using var host = builder.Build();
        host.Services.ValidateTandemOptions();
        var database = host.Services.GetRequiredService<PostgresDatabase>();
        // The store and the job schema are checked now, so a store it cannot use is one line rather than a log of retries.
        await database.MigrateAsync(cancellationToken);
        _ = host.Services.GetRequiredService<JobStorage>();
        await host.StartAsync(cancellationToken);
        var jobs = host.Services.GetRequiredService<IOptions<JobServerOptions>>().Value;
        await output.WriteLineAsync($"tandem worker: running jobs from {database.Display} ({jobs.Workers} at once); Ctrl-C stops");
        await output.FlushAsync(cancellationToken);
        await using var stop = cancellationToken.Register(() => host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication());
        await host.WaitForShutdownAsync(CancellationToken.None);
    }
}
