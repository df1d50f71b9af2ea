using Microsoft.Extensions.DependencyInjection;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Economics;
using Tandem.Hosting;
using Tandem.Learning;
using Tandem.Postgres.Access;
using Tandem.Postgres.Analysis;
using Tandem.Postgres.Economics;
using Tandem.Postgres.Learning;
using Tandem.Postgres.Store;
using Tandem.Store;

namespace Tandem.Postgres.Hosting;

/// <summary>
/// Chooses PostgreSQL as Tandem's store. An extension of <see cref="TandemBuilder"/> rather than a
/// member, so the core library (and the CLI's start-up) does not load Npgsql.
/// </summary>
public static class PostgresTandemBuilderExtensions
{
    /// <summary>The configuration key choosing the store: "sqlite" (the default) or "postgres".</summary>
    public const string StoreKey = "Tandem:Store";

    /// <summary>The configuration key holding the PostgreSQL connection string.</summary>
    public const string ConnectionStringKey = "Tandem:Postgres:ConnectionString";

    /// <summary>
    /// Tandem's server store: one PostgreSQL database, reached through one pooled data source,
    /// holding documents, clauses and their keyword index, clause vectors, access lists, reports, corrections,
    /// examples, the model registry, the ledger and API keys; its schema is migrated on first use.
    /// </summary>
    public static TandemBuilder UsePostgres(this TandemBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = new PostgresDatabase(connectionString);
        var services = builder.Services;
        services.AddSingleton(database);
        services.AddSingleton(sp => new PostgresDocumentStore(database, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IAccessPolicy>()));
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<PostgresDocumentStore>());
        services.AddSingleton<IDocumentLifecycle>(sp => sp.GetRequiredService<PostgresDocumentStore>());
        services.AddSingleton<IKnowledgeBaseFeed>(sp => sp.GetRequiredService<PostgresDocumentStore>());
        services.AddSingleton<IClauseVectorStore>(sp => new PostgresClauseVectorStore(database, sp.GetRequiredService<IAccessPolicy>()));
        services.AddSingleton(sp => new DocumentIngestor(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<DocumentReaders>(), sp.GetRequiredService<ClauseSegmenter>()));
        services.AddSingleton<IReportStore>(sp => new PostgresReportStore(database, sp.GetRequiredService<IAccessPolicy>()));
        services.AddSingleton<ICorrectionStore>(_ => new PostgresCorrectionStore(database));
        services.AddSingleton<IExampleStore>(sp => new PostgresExampleStore(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IModelRegistry>(_ => new PostgresModelRegistry(database));
        services.AddSingleton<IUsageLedgers>(sp => new PostgresUsageLedgers(database, sp.GetRequiredService<IAccessPolicy>()));
        services.AddSingleton<IUploadStaging>(sp => new PostgresUploadStaging(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IProtectionKeyStore>(sp => new PostgresProtectionKeyStore(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IExclusiveWork>(_ => new PostgresExclusiveWork(database));
        // An admin key holds the policy's admin group, read from the same configuration as the policy.
        services.AddSingleton<IApiKeyStore>(sp => new PostgresApiKeyStore(database, AccessPolicy.FromConfiguration(builder.Configuration).AdminGroup, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>
    /// The store the configuration chooses: PostgreSQL when <see cref="StoreKey"/> is "postgres"
    /// (with <see cref="ConnectionStringKey"/>), otherwise the SQLite file at <paramref name="sqlitePath"/>.
    /// </summary>
    public static TandemBuilder UseConfiguredStore(this TandemBuilder builder, string sqlitePath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var store = builder.Configuration[StoreKey]?.Trim();
        if (string.IsNullOrEmpty(store) || store.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return builder.UseSqlite(sqlitePath);
        }

        if (!store.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new TandemException($"unknown store '{store}' in {StoreKey}", "set it to sqlite (the default) or postgres");
        }

        var connectionString = builder.Configuration[ConnectionStringKey];
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new TandemException($"{StoreKey} is postgres but {ConnectionStringKey} is not set",
                "set it (e.g. Tandem__Postgres__ConnectionString=\"Host=db;Database=tandem;Username=tandem\"), or use tandem serve --store \"Host=...\"")
            : builder.UsePostgres(connectionString);
    }
}
