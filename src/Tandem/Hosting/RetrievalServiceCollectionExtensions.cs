using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Hosting;

/// <summary>Registers the persistent retrieval index and the grounded answerer built on it.</summary>
public static class RetrievalServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="RetrievalIndex"/> for the process, fed by the registered store (which must
    /// also be an <see cref="IKnowledgeBaseFeed"/>, as the SQLite store is) and reading the vectors
    /// the embedding pass stores for the registered embedding model, and a
    /// <see cref="GroundedAnswerer"/> over it. Call after choosing a store on <see cref="TandemBuilder"/>.
    /// </summary>
    public static IServiceCollection AddTandemRetrieval(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => sp.GetRequiredService<IDocumentStore>() as IKnowledgeBaseFeed
            ?? throw new InvalidOperationException("the registered document store has no change feed; register an IKnowledgeBaseFeed for it"));
        services.TryAddSingleton(sp => new RetrievalIndex(sp.GetRequiredService<IKnowledgeBaseFeed>(), sp.GetRequiredService<IAccessPolicy>(),
            sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), sp.GetRequiredService<IClauseVectorStore>(), sp.GetService<ILogger<RetrievalIndex>>()));
        services.TryAddSingleton(sp => new GroundedAnswerer(sp.GetRequiredService<RetrievalIndex>()));
        return services;
    }
}
