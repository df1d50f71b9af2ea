using Microsoft.Extensions.DependencyInjection.Extensions;
using Tandem.Economics;
using Tandem.Hosting;
using Tandem.Models;
using Tandem.Prompting;
using Tandem.Store;

namespace Tandem.Server.OpenAi;

/// <summary>Registers what the search API and the OpenAI-compatible endpoints need.</summary>
public static class OpenAiServiceCollectionExtensions
{
    /// <summary>
    /// The retrieval index and grounded answerer (<see cref="RetrievalServiceCollectionExtensions.AddTandemRetrieval"/>),
    /// the background embedding pass, the configured models (validated when the server starts), the price book, the token counter and authorisation.
    /// </summary>
    public static IServiceCollection AddTandemRetrievalApis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddTandemRetrieval();
        services.TryAddSingleton<IExclusiveWork, InProcessExclusiveWork>();
        services.AddHostedService<Retrieval.ClauseEmbeddingService>();
        // Read now, so a bad model entry stops the server at start instead of failing a request.
        services.AddSingleton(ModelCatalog.FromConfiguration(configuration));
        services.AddSingleton(_ => PriceBook.Default());
        services.AddSingleton<TokenCounter>();
        services.AddAuthorization();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, OpenAiAuthorizationResultHandler>();
        return services;
    }
}
