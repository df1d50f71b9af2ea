using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Microsoft.Extensions.Options;
using Tandem.Server.Apis;

namespace Tandem.Server.Reviews;

/// <summary>The review side of the server: the job queue for large reviews, and the endpoints of reviews, corrections, examples, usage, ROI and advice.</summary>
public static class ReviewServerExtensions
{
    /// <summary>
    /// Registers the review queue and its Hangfire job server (in memory on the embedded store: a
    /// job queued when the server stops is lost, the reports it saved are not), bound to
    /// <see cref="ReviewJobOptions.Section"/>.
    /// </summary>
    public static WebApplicationBuilder AddTandemReviews(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ReviewJobOptions>().BindConfiguration(ReviewJobOptions.Section)
            .Validate(o => o.InlineMaxClauses >= 0, $"{ReviewJobOptions.Section}:InlineMaxClauses must be 0 or more (0: every review is a job)")
            .Validate(o => o.Workers is >= 1 and <= 64, $"{ReviewJobOptions.Section}:Workers must be between 1 and 64")
            .Validate(o => o.InlineConcurrency is >= 1 and <= 256, $"{ReviewJobOptions.Section}:InlineConcurrency must be between 1 and 256")
            .ValidateOnStart();
        // This application's own storage and activator rather than Hangfire's process-wide ones, so two
        // servers in one process (the tests host many) never run each other's jobs.
        services.AddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Guid }));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(configuration => configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings());
        services.AddHangfireServer((provider, options) => options.WorkerCount = provider.GetRequiredService<IOptions<ReviewJobOptions>>().Value.Workers);
        services.AddTransient<ReviewJob>();
        services.AddSingleton<ReviewQueue>();
        return builder;
    }

    /// <summary>Maps the endpoints of reviews, corrections, examples, usage, ROI and advice.</summary>
    public static IEndpointRouteBuilder MapTandemReviewApis(this IEndpointRouteBuilder routes)
    {
        routes.MapReviewsApi();
        routes.MapCorrectionsApi();
        routes.MapExamplesApi();
        routes.MapEconomicsApi();
        return routes;
    }
}
