using Tandem.Server.Apis;

namespace Tandem.Server.Reviews;

/// <summary>The review side of the server: the job queue for large reviews, and the endpoints of reviews, corrections, examples, usage, ROI and advice.</summary>
public static class ReviewServerExtensions
{
    /// <summary>
    /// Registers the review queue, bound to <see cref="ReviewJobOptions.Section"/>; its jobs run on
    /// the server's one Hangfire registration (<see cref="Jobs.TandemJobsExtensions.AddTandemJobs"/>).
    /// </summary>
    public static WebApplicationBuilder AddTandemReviews(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ReviewJobOptions>().BindConfiguration(ReviewJobOptions.Section)
            .Validate(o => o.InlineMaxClauses >= 0, $"{ReviewJobOptions.Section}:InlineMaxClauses must be 0 or more (0: every review is a job)")
            .Validate(o => o.InlineConcurrency is >= 1 and <= 256, $"{ReviewJobOptions.Section}:InlineConcurrency must be between 1 and 256")
            .ValidateOnStart();
        services.AddSingleton<ReviewQueue>();
        services.AddTandemPlaybooks(builder.Configuration);
        return builder;
    }

    /// <summary>Maps the endpoints of reviews, batches, corrections, examples, usage, ROI and advice.</summary>
    public static IEndpointRouteBuilder MapTandemReviewApis(this IEndpointRouteBuilder routes)
    {
        routes.MapReviewsApi();
        routes.MapPlaybooksApi();
        routes.MapBatchesApi();
        routes.MapCorrectionsApi();
        routes.MapExamplesApi();
        routes.MapEconomicsApi();
        return routes;
    }
}
