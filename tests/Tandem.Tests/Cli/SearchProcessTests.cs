using System.Text.Json;
using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

/// <summary><c>tandem search</c> as separate processes over a stored knowledge base: the vectors ingest stored are what search reads.</summary>
public sealed class SearchProcessTests : IDisposable
{
    private readonly TandemProcess _tandem = new();
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        _tandem.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Search_HybridInFreshProcesses_ReadsStoredVectorsAndRespectsAccess()
    {
        _dir.Write("kb/supply.txt", ContractTexts.Supply);
        var bobs = _dir.Write("bob/nda.txt", ContractTexts.Nda);
        var ingest = await _tandem.RunAsync("ingest", _dir.File("kb"), "--user", "alice");
        var again = await _tandem.RunAsync("ingest", _dir.File("kb"), "--user", "alice");
        Assert.Equal(0, (await _tandem.RunAsync("ingest", bobs, "--user", "bob")).Exit);

        // Words the clause does not use: only the embedding connects them.
        var alice = await _tandem.RunAsync("search", "cap on damages", "--mode", "hybrid", "--format", "json", "--user", "alice");
        var dense = await _tandem.RunAsync("search", "cap on damages", "--mode", "dense", "--format", "json", "--user", "alice", "-k", "1");
        var bob = await _tandem.RunAsync("search", "cap on damages", "--mode", "hybrid", "--format", "json", "--user", "bob");

        Assert.True(ingest.Exit == 0, ingest.Error);
        Assert.Contains("embedded 6 clause texts with all-MiniLM-L6-v2", ingest.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded", again.Output, StringComparison.Ordinal);
        Assert.True(alice.Exit == 0, alice.Error);
        Assert.Equal(string.Empty, alice.Error);
        Assert.Contains("aggregate liability", Texts(dense.Output)[0], StringComparison.Ordinal);
        Assert.Contains(Texts(alice.Output), t => t.Contains("aggregate liability", StringComparison.Ordinal));
        Assert.True(bob.Exit == 0, bob.Error);
        Assert.NotEmpty(Texts(bob.Output));
        Assert.All(Texts(bob.Output), t => Assert.DoesNotContain("Birch", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_ClausesIngestedWithoutTheirVectors_SaysTheyWereSearchedByBm25Only()
    {
        var ingest = await _tandem.RunAsync("ingest", _dir.Write("supply.txt", ContractTexts.Supply), "--user", "alice");
        Assert.Equal(0, ingest.Exit);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_tandem.DefaultDatabase};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM clause_vectors WHERE id IN (SELECT id FROM clause_vectors LIMIT 2)";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var search = await _tandem.RunAsync("search", "limitation of liability", "--mode", "hybrid", "--user", "alice");

        Assert.Equal(0, search.Exit);
        Assert.Contains("note: 2 of the clauses you may read have no vector yet and were searched by BM25 only", search.Error, StringComparison.Ordinal);
    }

    private static List<string> Texts(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().Select(p => p.GetProperty("text").GetString()!).ToList();
}
