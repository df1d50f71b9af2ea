using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tandem.Access;
using Tandem.Documents;
using Tandem.Economics;
using Tandem.Learning;
using Tandem.Models;

namespace Tandem.Hosting;

/// <summary>The one entry that registers what every surface (CLI, server, worker) needs.</summary>
public static class TandemServiceCollectionExtensions
{
    /// <summary>
    /// Registers the parts that do not depend on a store: settings and their validation, the
    /// access policy, the document readers and the segmenter, the configured models, the price
    /// book, and the services every surface calls. Choose a store on the returned builder
    /// (<see cref="TandemBuilder.UseSqlite(string)"/>).
    /// </summary>
    public static TandemBuilder AddTandem(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        services.TryAddSingleton(TimeProvider.System);
        // A host that configures logging has registered its loggers first; without one, logs go nowhere.
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(NullLogger<>)));
        services.TryAddSingleton<IAccessPolicy>(_ => AccessPolicy.FromConfiguration(configuration));
        services.TryAddSingleton(_ => DocumentLimits.FromEnvironment());
        services.TryAddSingleton(sp => DocumentReaders.CreateDefault(sp.GetRequiredService<DocumentLimits>()));
        services.TryAddSingleton<ClauseSegmenter>();
        // Validated when first used, not at start: a bad model entry should not stop commands that call no model.
        services.TryAddSingleton(_ => ModelCatalog.FromConfiguration(configuration));
        services.TryAddSingleton(sp => new Lazy<ModelCatalog>(sp.GetRequiredService<ModelCatalog>));

        services.AddOptions<RetrainPolicy>().BindConfiguration("Tandem:Retrain").ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetrainPolicy>, RetrainPolicyValidation>());
        services.AddOptions<PriceBookOptions>().BindConfiguration("Tandem:PriceBook").ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PriceBookOptions>, PriceBookOptionsValidation>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<PriceBookOptions>>().Value.Load());
        // Parsing the price book's YAML costs a local review about 20 ms it never needs: only model calls are priced.
        services.TryAddSingleton(sp => new Lazy<PriceBook>(sp.GetRequiredService<PriceBook>));
        services.TryAddSingleton<Analysis.ReviewService>();
        services.TryAddSingleton<Analysis.BatchReviewer>();
        services.TryAddSingleton<ModelService>();
        services.TryAddSingleton<FineTuneService>();
        services.TryAddSingleton<RetrainService>();
        services.AddTandemReviewServices();
        services.AddDatasetServices();
        services.AddTandemEmbeddings(configuration);
        return new TandemBuilder(services, configuration);
    }
}
