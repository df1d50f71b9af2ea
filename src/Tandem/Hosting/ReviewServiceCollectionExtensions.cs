using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tandem.Economics;
using Tandem.Learning;

namespace Tandem.Hosting;

/// <summary>The services around a review: corrections, the examples and their review, usage and advice.</summary>
public static class ReviewServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CorrectionService"/>, <see cref="ExampleService"/>, <see cref="UsageService"/>
    /// and <see cref="AdviceService"/> with what they are built from; the stores come from the builder's
    /// <c>Use...</c> call.
    /// </summary>
    public static IServiceCollection AddTandemReviewServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<CorrectionRecorder>();
        services.TryAddSingleton<ExampleReview>();
        services.TryAddSingleton<ExampleImporter>();
        services.TryAddSingleton<CorrectionService>();
        services.TryAddSingleton<ExampleService>();
        services.TryAddSingleton<UsageService>();
        services.TryAddSingleton<AdviceService>();
        return services;
    }
}
