using Scalar.AspNetCore;
using Tandem.Hosting;
using Tandem.Server.OpenAi;
using Tandem.Server.Retrieval;
using Tandem.Store;

namespace Tandem.Server;

/// <summary>The server's wiring, in one place: services in <see cref="AddTandemServer"/>, endpoints in <see cref="MapTandemServer"/>.</summary>
public static class ServerExtensions
{
    /// <summary>The configuration key naming the SQLite file (default: the per-user store, as the CLI's).</summary>
    public const string DatabaseKey = "Tandem:Database";

    /// <summary>Registers Tandem's services on the embedded store, ProblemDetails, OpenAPI and health checks.</summary>
    public static WebApplicationBuilder AddTandemServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = builder.Configuration[DatabaseKey] ?? SqliteStoreOptions.DefaultDatabasePath();
        builder.Services.AddTandem(builder.Configuration).UseSqlite(database);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks();
        builder.Services.AddTandemRetrievalApis(builder.Configuration);
        return builder;
    }

    /// <summary>Maps every endpoint: health, the OpenAPI document and its Scalar UI.</summary>
    public static WebApplication MapTandemServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthChecks("/health/live");
        app.MapHealthChecks("/health/ready");
        app.MapSearchApi();
        app.MapOpenAiApi();
        return app;
    }
}
