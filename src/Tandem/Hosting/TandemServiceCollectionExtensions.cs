using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tandem.Access;
using Tandem.Documents;

namespace Tandem.Hosting;

/// <summary>The one entry that registers what every surface (CLI, server, worker) needs.</summary>
public static class TandemServiceCollectionExtensions
{
    /// <summary>
    /// Registers the parts that do not depend on a store: settings, the access policy, the
    /// document readers and the segmenter. Choose a store on the returned builder
    /// (<see cref="TandemBuilder.UseSqlite(string)"/>).
    /// </summary>
    public static TandemBuilder AddTandem(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAccessPolicy>(_ => AccessPolicy.FromConfiguration(configuration));
        services.TryAddSingleton(_ => DocumentLimits.FromEnvironment());
        services.TryAddSingleton(sp => DocumentReaders.CreateDefault(sp.GetRequiredService<DocumentLimits>()));
        services.TryAddSingleton<ClauseSegmenter>();
        return new TandemBuilder(services, configuration);
    }
}
