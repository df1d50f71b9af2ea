using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Hosting;
using Tandem.Postgres.Hosting;
using Tandem.Postgres.Store;
using Tandem.Store;

namespace Tandem.Postgres.Tests;

/// <summary>Choosing the store from settings, and the one-line errors of a connection that cannot work (no server needed).</summary>
public sealed class PostgresHostingTests
{
    [Fact]
    public void UseConfiguredStore_NoSetting_TheSqliteFile()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.IsType<SqliteDocumentStore>(services.GetRequiredService<IDocumentStore>());
    }

    [Fact]
    public void UseConfiguredStore_Postgres_EveryStoreOnPostgres()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            [PostgresTandemBuilderExtensions.StoreKey] = "Postgres",
            [PostgresTandemBuilderExtensions.ConnectionStringKey] = "Host=db.example;Database=tandem;Username=tandem",
        });

        var store = Assert.IsType<PostgresDocumentStore>(services.GetRequiredService<IDocumentStore>());
        Assert.Same(store, services.GetRequiredService<IDocumentLifecycle>());
        Assert.Same(store, services.GetRequiredService<IKnowledgeBaseFeed>());
        Assert.Equal("db.example:5432/tandem", services.GetRequiredService<PostgresDatabase>().Display);
        Assert.StartsWith("Postgres", services.GetRequiredService<Tandem.Access.IApiKeyStore>().GetType().Name, StringComparison.Ordinal);
        Assert.StartsWith("Postgres", services.GetRequiredService<Tandem.Learning.IModelRegistry>().GetType().Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres", null, "Tandem:Postgres:ConnectionString is not set")]
    [InlineData("mysql", null, "unknown store 'mysql'")]
    [InlineData("postgres", "Host=;Database=tandem", "names no host")]
    [InlineData("postgres", "this is not one", "invalid PostgreSQL connection string")]
    public void UseConfiguredStore_BadSettings_OneLineError(string store, string? connectionString, string expected)
    {
        var error = Assert.Throws<TandemException>(() => Build(new Dictionary<string, string?>
        {
            [PostgresTandemBuilderExtensions.StoreKey] = store,
            [PostgresTandemBuilderExtensions.ConnectionStringKey] = connectionString,
        }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public async Task Open_NoServerListening_OneLineErrorNamingWhere()
    {
        await using var database = new PostgresDatabase("Host=127.0.0.1;Port=1;Database=tandem;Username=tandem;Timeout=5");

        var error = await Assert.ThrowsAsync<TandemException>(() => database.OpenAsync());

        Assert.StartsWith("cannot connect to PostgreSQL at 127.0.0.1:1/tandem", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddTandem(configuration).UseConfiguredStore(Path.Combine(Path.GetTempPath(), "never-opened.db"));
        return services.BuildServiceProvider();
    }
}
