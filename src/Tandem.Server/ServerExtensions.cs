using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;
using Tandem.Hosting;
using Tandem.Postgres.Hosting;
using Tandem.Server.Apis;
using Tandem.Server.Identity;
using Tandem.Server.Jobs;
using Tandem.Server.Limits;
using Tandem.Server.Telemetry;
using Tandem.Server.OpenAi;
using Tandem.Server.Retrieval;
using Tandem.Server.Reviews;
using Tandem.Store;
using Tandem.Web;

namespace Tandem.Server;

/// <summary>The server's wiring, in one place: services in <see cref="AddTandemServer"/>, endpoints in <see cref="MapTandemServer"/>.</summary>
public static class ServerExtensions
{
    /// <summary>The configuration key naming the SQLite file (default: the per-user store, as the CLI's).</summary>
    public const string DatabaseKey = "Tandem:Database";

    /// <summary>
    /// The configuration key naming the folder where retrained local models are written (default: a
    /// models folder beside the SQLite file). With several nodes on PostgreSQL it must be a folder
    /// every node reads at the same path: the registry records the model file's path.
    /// </summary>
    public const string ModelsFolderKey = "Tandem:Server:ModelsFolder";

    /// <summary>Where the server listens unless told otherwise: loopback only, so nothing is exposed by accident.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The thread pool's minimum of worker threads for the server process (default <see cref="DefaultMinWorkerThreads"/>).</summary>
    public const string MinWorkerThreadsKey = "Tandem:Server:MinWorkerThreads";

    /// <summary>The default of <see cref="MinWorkerThreadsKey"/>.</summary>
    public const int DefaultMinWorkerThreads = 16;

    /// <summary>
    /// Registers Tandem's services on the embedded store, authentication and authorization, the
    /// limits, ProblemDetails, OpenAPI and health checks. Listens on <see cref="DefaultUrls"/>
    /// unless <c>--urls</c> or <c>ASPNETCORE_URLS</c> says otherwise.
    /// </summary>
    public static WebApplicationBuilder AddTandemServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        var database = builder.Configuration[DatabaseKey] ?? SqliteStoreOptions.DefaultDatabasePath();
        // Tandem:Store=postgres with Tandem:Postgres:ConnectionString serves from PostgreSQL instead.
        builder.Services.AddTandem(builder.Configuration).UseConfiguredStore(database);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<TandemExceptionHandler>();
        builder.Services.Configure<JsonOptions>(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddTandemAuthentication(builder.Configuration);
        builder.AddTandemLimits();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks();
        builder.AddTandemTelemetry();
        // Request lines carry query strings (a search's words); traces already record every request.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Services.AddTandemRetrievalApis(builder.Configuration);
        builder.AddTandemReviews();
        builder.Services.AddTandemJobs(builder.Configuration);
        builder.Services.AddTandemWeb<WebApp.ServerWebBackend>();
        builder.Services.AddScoped<Web.Retraining.IWebRetraining, WebApp.ServerWebRetraining>();
        RaiseMinimumThreads(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// A local review or an extractive answer holds a thread-pool thread for its whole CPU-bound run
    /// (a review of a long contract takes seconds). With the pool's default minimum (one thread per
    /// core) a few of them starve every other request until the pool grows, a thread every half
    /// second: under the load benchmark's review mix, search p99 went from 65 ms to 2.7 s. A higher
    /// minimum lets the scheduler share the cores instead (<see cref="MinWorkerThreadsKey"/>).
    /// </summary>
    private static void RaiseMinimumThreads(IConfiguration configuration)
    {
        var wanted = configuration.GetValue(MinWorkerThreadsKey, DefaultMinWorkerThreads);
        if (wanted is < 1 or > 1024)
        {
            throw new TandemException($"invalid settings: {MinWorkerThreadsKey} must be between 1 and 1024, not {wanted}", $"leave it unset for {DefaultMinWorkerThreads}");
        }

        ThreadPool.GetMinThreads(out var workers, out var io);
        if (wanted > workers)
        {
            ThreadPool.SetMinThreads(wanted, io);
        }
    }

    /// <summary>The folder retrained local models are written to (<see cref="ModelsFolderKey"/>).</summary>
    public static string ModelsFolder(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Path.GetFullPath(configuration[ModelsFolderKey] is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configuration[DatabaseKey] ?? SqliteStoreOptions.DefaultDatabasePath()))!, "models"));
    }

    /// <summary>
    /// Maps every endpoint: health, the OpenAPI document and its Scalar UI (the only ones open
    /// without a key), the documents API and the keys API.
    /// </summary>
    public static WebApplication MapTandemServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseTandemLimitsAndIdentity();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapHealthChecks("/health/live").AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready").AllowAnonymous().DisableRateLimiting();
        app.MapDocumentsApi();
        app.MapKeysApi();
        app.MapSearchApi();
        app.MapOpenAiApi();
        app.MapTandemReviewApis();
        app.MapLearningApis();
        app.MapJobDashboard();
        app.MapTandemWeb();
        return app;
    }
}
