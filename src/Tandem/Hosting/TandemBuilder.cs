using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Store;

namespace Tandem.Hosting;

/// <summary>Chooses where Tandem keeps its data; returned by <see cref="TandemServiceCollectionExtensions.AddTandem"/>.</summary>
public sealed class TandemBuilder(IServiceCollection services, IConfiguration configuration)
{
    /// <summary>The services being registered.</summary>
    public IServiceCollection Services { get; } = services;

    /// <summary>The configuration the services read.</summary>
    public IConfiguration Configuration { get; } = configuration;

    /// <summary>
    /// The embedded store: one SQLite file at <paramref name="databasePath"/> holding documents,
    /// clauses, access lists, reports, corrections, examples, the model registry and the ledger.
    /// </summary>
    public TandemBuilder UseSqlite(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var options = new SqliteStoreOptions { DatabasePath = databasePath };
        Services.AddSingleton(options);
        Services.AddSingleton(new SqliteDatabase(databasePath, options.BusyTimeout));
        Services.AddSingleton(sp => new SqliteDocumentStore(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IAccessPolicy>()));
        Services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<SqliteDocumentStore>());
        Services.AddSingleton<IDocumentLifecycle>(sp => sp.GetRequiredService<SqliteDocumentStore>());
        Services.AddSingleton<IClauseVectorStore>(sp => sp.GetRequiredService<SqliteDocumentStore>());
        Services.AddSingleton(sp => new DocumentIngestor(
            sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<Documents.DocumentReaders>(), sp.GetRequiredService<Documents.ClauseSegmenter>()));
        Services.AddSingleton<IReportStore>(sp => new SqliteReportStore(databasePath, sp.GetRequiredService<IAccessPolicy>()));
        Services.AddSingleton<ICorrectionStore>(_ => new SqliteCorrectionStore(databasePath));
        Services.AddSingleton<IExampleStore>(_ => new SqliteExampleStore(databasePath));
        Services.AddSingleton<IModelRegistry>(_ => new SqliteModelRegistry(databasePath));
        Services.AddSqliteDatasets(Configuration, databasePath);
        Services.AddSingleton<Economics.IUsageLedgers>(sp => new Economics.SqliteUsageLedgers(databasePath, sp.GetRequiredService<IAccessPolicy>()));
        Services.AddSingleton<IExclusiveWork>(new InProcessExclusiveWork());
        Services.AddSingleton<IUploadStaging>(sp => new SqliteUploadStaging(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        Services.AddSingleton<IProtectionKeyStore>(sp => new SqliteProtectionKeyStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        // An admin key holds the policy's admin group, read from the same configuration as the policy.
        Services.AddSingleton<IApiKeyStore>(sp => new SqliteApiKeyStore(
            sp.GetRequiredService<SqliteDatabase>(), AccessPolicy.FromConfiguration(Configuration).AdminGroup, sp.GetRequiredService<TimeProvider>()));
        return this;
    }
}
