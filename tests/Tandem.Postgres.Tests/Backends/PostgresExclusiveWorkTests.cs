using Microsoft.Extensions.DependencyInjection;
using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;
using Tandem.Store;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>Work one node of a PostgreSQL deployment does at a time (the embedding pass): an advisory lock per name, released when the holder lets go.</summary>
public sealed class PostgresExclusiveWorkTests(PostgresBackend database) : StoreConformance(database), IClassFixture<PostgresBackend>
{
    [Fact]
    public async Task TryEnter_HeldElsewhere_NullUntilReleased()
    {
        var work = Store.Provider.GetRequiredService<IExclusiveWork>();
        var other = new Postgres.Store.PostgresExclusiveWork(Store.Provider.GetRequiredService<PostgresDatabase>());

        var first = await work.TryEnterAsync("embedding-pass");
        Assert.NotNull(first);
        Assert.Null(await other.TryEnterAsync("embedding-pass"));
        await using (var unrelated = await other.TryEnterAsync("another-pass"))
        {
            Assert.NotNull(unrelated);
        }

        await first.DisposeAsync();
        await using var next = await other.TryEnterAsync("embedding-pass");
        Assert.NotNull(next);
    }
}
