using Microsoft.Extensions.DependencyInjection;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Economics;
using Tandem.Learning;
using Tandem.Store;

namespace Tandem.Postgres.Tests.Support;

/// <summary>Every store of one backend, as <c>AddTandem(...).UseSqlite(...)</c> or <c>.UsePostgres(...)</c> registered them.</summary>
public sealed class StoreServices(ServiceProvider provider, Func<ValueTask>? cleanUp = null) : IAsyncDisposable
{
    public IServiceProvider Provider => provider;

    public IDocumentStore Documents => provider.GetRequiredService<IDocumentStore>();

    public IDocumentLifecycle Lifecycle => provider.GetRequiredService<IDocumentLifecycle>();

    /// <summary>The change feed: the store itself, as <c>AddTandemRetrieval</c> finds it.</summary>
    public IKnowledgeBaseFeed Feed => (IKnowledgeBaseFeed)Documents;

    public IClauseVectorStore Vectors => provider.GetRequiredService<IClauseVectorStore>();

    public DocumentIngestor Ingestor => provider.GetRequiredService<DocumentIngestor>();

    public IReportStore Reports => provider.GetRequiredService<IReportStore>();

    public ICorrectionStore Corrections => provider.GetRequiredService<ICorrectionStore>();

    public IExampleStore Examples => provider.GetRequiredService<IExampleStore>();

    public IModelRegistry Registry => provider.GetRequiredService<IModelRegistry>();

    public IUsageLedgers Ledgers => provider.GetRequiredService<IUsageLedgers>();

    public IApiKeyStore Keys => provider.GetRequiredService<IApiKeyStore>();

    public IUploadStaging Uploads => provider.GetRequiredService<IUploadStaging>();

    public IProtectionKeyStore ProtectionKeys => provider.GetRequiredService<IProtectionKeyStore>();

    public IAccessPolicy Policy => provider.GetRequiredService<IAccessPolicy>();

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        if (cleanUp is not null)
        {
            await cleanUp();
        }
    }
}
