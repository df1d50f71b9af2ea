using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;
using Tandem.Postgres;
using Tandem.Postgres.Hosting;
using Tandem.Server.Identity;
using Tandem.Server.Reviews;

namespace Tandem.Server.Jobs;

/// <summary>
/// The server's one Hangfire registration, shared by API nodes and worker nodes: job storage, the
/// job classes, and (unless <see cref="JobServerOptions.Worker"/> is false) a job server on this node.
/// </summary>
public static class TandemJobsExtensions
{
    /// <summary>Where the dashboard is mounted.</summary>
    public const string DashboardPath = "/jobs";

    /// <summary>
    /// Registers background work. On PostgreSQL the jobs live in its <c>hangfire</c> schema
    /// (Hangfire.PostgreSql), so any node queues, any worker runs, and a job whose worker died is
    /// taken again. On the embedded SQLite server they live in memory (Hangfire.InMemory): one
    /// process serves and works, a job queued when it stops is lost, and what jobs saved is not;
    /// a second job storage inside the SQLite file would only add writers to the one file.
    /// </summary>
    public static IServiceCollection AddTandemJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JobServerOptions>().BindConfiguration(JobServerOptions.Section)
            .Validate(o => o.Workers is >= 1 and <= 64, $"{JobServerOptions.Section}:Workers must be between 1 and 64")
            .Validate(o => o.InvisibilityTimeout >= TimeSpan.FromSeconds(5), $"{JobServerOptions.Section}:InvisibilityTimeout must be at least 00:00:05")
            .Validate(o => o.LockTimeout >= TimeSpan.FromSeconds(5), $"{JobServerOptions.Section}:LockTimeout must be at least 00:00:05")
            .Validate(o => o.PollInterval >= TimeSpan.FromMilliseconds(100), $"{JobServerOptions.Section}:PollInterval must be at least 00:00:00.1")
            .ValidateOnStart();
        var shared = IsPostgres(configuration);
        if (!shared && !configuration.GetValue(JobServerOptions.Section + ":" + nameof(JobServerOptions.Worker), true))
        {
            throw new TandemException("a node without a worker needs the shared PostgreSQL store: on the SQLite file, jobs are kept in this process and nothing else would run them",
                "serve from PostgreSQL (--store \"Host=...\") with a 'tandem worker' beside it, or drop --no-worker");
        }

        // This application's own storage and activator rather than Hangfire's process-wide ones, so two
        // servers in one process (the tests host many) never run each other's jobs.
        services.AddSingleton<JobStorage>(sp => shared
            ? PostgresStorage(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<IOptions<JobServerOptions>>().Value)
            : new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Guid }));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, hangfire) => hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>())));
        if (configuration.GetValue(JobServerOptions.Section + ":" + nameof(JobServerOptions.Worker), true))
        {
            services.AddHangfireServer((provider, options) => options.WorkerCount = provider.GetRequiredService<IOptions<JobServerOptions>>().Value.Workers);
        }

        services.AddTransient<ReviewJob>();
        // The batch queue records each contract's result from the job that reviewed it, on whichever node ran it.
        services.AddSingleton<Batches.BatchQueue>();
        services.AddTransient<Batches.BatchReviewJob>();
        services.AddTransient<LocalRetrainJob>();
        services.AddSingleton<LocalRetrainQueue>();
        services.AddOptions<Uploads.UploadOptions>().BindConfiguration(Uploads.UploadOptions.Section)
            .Validate(o => o.BackgroundBytes >= 0, $"{Uploads.UploadOptions.Section}:BackgroundBytes must be 0 or more (0: every upload is ingested in the background)")
            .ValidateOnStart();
        services.AddSingleton<Uploads.UploadQueue>();
        services.AddTransient<Uploads.UploadIngestJob>();
        services.AddOptions<Schedule.ScheduleOptions>().BindConfiguration(Schedule.ScheduleOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.User), $"{Schedule.ScheduleOptions.Section}:User must name the identity the schedule runs as")
            .ValidateOnStart();
        services.AddTransient<Schedule.ScheduledJobs>();
        services.AddHostedService<Schedule.ScheduleRegistration>();
        return services;
    }

    /// <summary>
    /// The Hangfire dashboard at <see cref="DashboardPath"/>, for admins only: the same
    /// authentication and admin policy as every admin endpoint, never Hangfire's own "local
    /// requests" rule (behind a proxy every request is local). Job arguments carry user ids and
    /// groups, never a key.
    /// </summary>
    public static IEndpointConventionBuilder MapJobDashboard(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var options = new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [],
            DisplayStorageConnectionString = false,
            DashboardTitle = "Tandem jobs",
            AppPath = null,
        };
        // Hangfire's configuration first: it points Hangfire's (process-wide) logging at this server's loggers before the storage logs anything.
        _ = routes.ServiceProvider.GetRequiredService<IGlobalConfiguration>();
        return routes.MapHangfireDashboard(DashboardPath, options, routes.ServiceProvider.GetRequiredService<JobStorage>())
            .RequireAuthorization(AdminRequirement.Policy).ExcludeFromDescription();
    }

    /// <summary>Whether the configuration serves from PostgreSQL (see <see cref="PostgresTandemBuilderExtensions.UseConfiguredStore"/>).</summary>
    internal static bool IsPostgres(IConfiguration configuration) =>
        string.Equals(configuration[PostgresTandemBuilderExtensions.StoreKey]?.Trim(), "postgres", StringComparison.OrdinalIgnoreCase);

    private static PostgreSqlStorage PostgresStorage(PostgresDatabase database, JobServerOptions jobs)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            // A live worker renews the jobs it holds, so a short timeout only shortens the wait after a node dies.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = jobs.InvisibilityTimeout,
            QueuePollInterval = jobs.PollInterval,
            // A lock left by a node that died is removed by the next node that asks for it after this long.
            DistributedLockTimeout = jobs.LockTimeout,
            // LISTEN/NOTIFY: an idle worker starts a queued job at once rather than at its next poll.
            EnableLongPolling = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }
}
