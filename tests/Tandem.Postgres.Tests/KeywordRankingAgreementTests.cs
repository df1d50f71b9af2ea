using Tandem.Access;
using Tandem.Postgres.Tests.Support;
using Tandem.Store;

namespace Tandem.Postgres.Tests;

/// <summary>
/// The same corpus ranks the same on both stores: the ten sample contracts ingested into SQLite
/// (FTS5's tokenizer and BM25 from its index) and PostgreSQL (Tandem's imitation of that tokenizer
/// in a tsvector, BM25 in SQL), then the same queries asked of both. Where the two may differ: a
/// word FTS5's Porter stemmer stems otherwise than Tandem's (e.g. "1990s"), which neither these
/// contracts nor these queries hold, and the last bits of a score's double.
/// </summary>
public sealed class KeywordRankingAgreementTests(PostgresBackend postgres) : IClassFixture<PostgresBackend>, IAsyncLifetime
{
    private static readonly string[] Queries =
    [
        "limitation of liability", "governing law", "terminate for convenience", "indemnify and hold harmless", "confidential information",
        "payment invoice days", "assignment change of control", "warranty disclaimer", "intellectual property ownership", "non-compete",
        "audit rights records", "insurance coverage", "force majeure", "exclusive territory", "renewal notice", "source code escrow",
        "data breach notification", "minimum purchase", "royalty", "arbitration venue",
    ];

    private static readonly Principal Reader = new("reader");

    private readonly TestClock _clock = new();
    private StoreServices? _sqlite;
    private StoreServices? _postgres;

    public async ValueTask InitializeAsync()
    {
        if (postgres.Unavailable is not null)
        {
            return;
        }

        _sqlite = await new SqliteBackend().OpenAsync(_clock);
        _postgres = await postgres.OpenAsync(_clock);
        var samples = Path.Combine(RepositoryRoot(), "samples", "contracts");
        await _sqlite.Ingestor.IngestFolderAsync(samples, Reader);
        await _postgres.Ingestor.IngestFolderAsync(samples, Reader);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    [Fact]
    public async Task Search_SameCorpusAndQueries_SameClausesInTheSameOrderWithTheSameScores()
    {
        if (_postgres is null)
        {
            Assert.Skip(postgres.Unavailable!);
        }

        Assert.Equal(10, (await _postgres.Documents.ListDocumentsAsync(Reader)).Count);
        foreach (var query in Queries)
        {
            var expected = await _sqlite!.Documents.SearchAsync(query, Reader, limit: 20);
            var actual = await _postgres.Documents.SearchAsync(query, Reader, limit: 20);

            Assert.True(expected.Count > 0, query);
            Assert.Equal(Describe(expected), Describe(actual));
            Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 1e-9));
        }
    }

    private static IReadOnlyList<string> Describe(IReadOnlyList<Passage> passages) =>
        passages.Select(p => $"{p.DocumentTitle} {p.Path} {p.ClauseId} {p.Start}-{p.End}").ToList();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Tandem.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("the repository root (Tandem.slnx) is not above " + AppContext.BaseDirectory);
    }
}
