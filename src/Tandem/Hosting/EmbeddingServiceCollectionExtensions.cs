using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tandem.Models;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Hosting;

/// <summary>Registers the dense embedding model and the embedding pass.</summary>
public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>The setting that names a configured remote embedding model (under <c>Tandem:Models</c>) instead of the local MiniLM.</summary>
    public const string EmbeddingModelSetting = "Tandem:Retrieval:EmbeddingModel";

    /// <summary>
    /// The <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> every dense path uses: the local
    /// <see cref="MiniLmEmbeddingGenerator"/> (loaded on first use), or the remote model that
    /// <see cref="EmbeddingModelSetting"/> names; and the <see cref="ClauseEmbedder"/> over the
    /// store's <see cref="IClauseVectorStore"/>, and <see cref="KnowledgeBaseSearch"/> over the store.
    /// </summary>
    public static IServiceCollection AddTandemEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(sp => configuration[EmbeddingModelSetting] is { Length: > 0 } name
            ? ChatClients.CreateEmbeddingGenerator(sp.GetRequiredService<ModelCatalog>().Get(name))
            : new MiniLmEmbeddingGenerator());
        services.TryAddSingleton(sp => new ClauseEmbedder(sp.GetRequiredService<IClauseVectorStore>(), sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()));
        services.TryAddSingleton(sp => new KnowledgeBaseSearch(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<IClauseVectorStore>()));
        return services;
    }
}
