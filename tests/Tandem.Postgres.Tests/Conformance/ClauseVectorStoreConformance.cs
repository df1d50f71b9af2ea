using System.Numerics.Tensors;
using Tandem.Access;
using Tandem.Postgres.Tests.Support;
using Tandem.Store;

namespace Tandem.Postgres.Tests.Conformance;

/// <summary>
/// <see cref="IClauseVectorStore"/>: the embedding pass's reads and writes, the vector cursor, and
/// dense search (cosine, ties by clause row, access inside the search), on every backend. The
/// vectors are written by hand: one direction per subject, so the expected ranking is known, and
/// every score is checked against the dot product of the float16-rounded vectors, so both stores
/// must give the same numbers, not only the same order.
/// </summary>
public abstract class ClauseVectorStoreConformance(IStoreBackend backend) : StoreConformance(backend)
{
    private const string Model = "test-embedder";

    /// <summary>Directions: indemnity, liability, the secret mine, anything else.</summary>
    private static readonly float[] Indemnity = [1, 0, 0, 0], Liability = [0, 1, 0, 0], Mine = [0, 0, 1, 0], Other = [0, 0, 0, 1];

    [Fact]
    public async Task ReadVectors_SinceTheCursor_OnlyLaterVectorsOfTheModelInOrder()
    {
        Assert.Equal(0, await Store.Vectors.ReadVectorCursorAsync());
        await Store.Vectors.SaveVectorsAsync(Model, [("hash-a", Indemnity), ("hash-b", Liability)]);
        var cursor = await Store.Vectors.ReadVectorCursorAsync();
        await Store.Vectors.SaveVectorsAsync("other-model", [("hash-a", Mine)]);
        await Store.Vectors.SaveVectorsAsync(Model, [("hash-c", Scaled(0.6f, 0.8f))]);

        Assert.True(await Store.Vectors.ReadVectorCursorAsync() > cursor);
        Assert.Equal(["hash-a", "hash-b", "hash-c"], (await Store.Vectors.ReadVectorsAsync(Model, 0)).Select(v => v.Hash));
        var later = Assert.Single(await Store.Vectors.ReadVectorsAsync(Model, cursor));
        Assert.Equal("hash-c", later.Hash);
        // Kept as float16: 0.6 comes back as the nearest half, on every store.
        Assert.Equal(Stored(Scaled(0.6f, 0.8f)), later.Vector);
        Assert.NotEqual(0.6f, later.Vector[0]);
        Assert.Equal(Mine, Assert.Single(await Store.Vectors.ReadVectorsAsync("other-model", 0)).Vector);
    }

    [Fact]
    public async Task SaveVectors_SameHashAgain_KeepsOneRowAndTheFirstVector()
    {
        await Store.Vectors.SaveVectorsAsync(Model, [("hash-a", Indemnity)]);
        var cursor = await Store.Vectors.ReadVectorCursorAsync();

        await Store.Vectors.SaveVectorsAsync(Model, [("hash-a", Liability), ("hash-a", Mine)]);

        var kept = Assert.Single(await Store.Vectors.ReadVectorsAsync(Model, 0));
        Assert.Equal(Indemnity, kept.Vector);
        Assert.Equal(cursor, await Store.Vectors.ReadVectorCursorAsync());
        Assert.Empty(await Store.Vectors.ReadVectorsAsync(Model, cursor));
    }

    [Fact]
    public async Task ReadUnembedded_SameTextInTwoDocuments_OneTextPerHashCountedUntilSaved()
    {
        var lease = await IngestAsync("lease.txt", Contracts.Lease + "\n\n5. Notices. Notices are written in Français — by courier.", Alice);
        await IngestAsync("copy.txt", Contracts.Lease, Bob);
        var distinct = lease.ClauseCount;

        Assert.Equal(distinct, await Store.Vectors.CountUnembeddedAsync(Model));
        var texts = await Store.Vectors.ReadUnembeddedAsync(Model, 1000);
        Assert.Equal(distinct, texts.Count);
        Assert.All(texts, t => Assert.Equal(ClauseText.HashOf(t.Text), t.Hash));
        Assert.Equal(texts.Take(2), await Store.Vectors.ReadUnembeddedAsync(Model, 2));

        await Store.Vectors.SaveVectorsAsync(Model, texts.Take(2).Select(t => (t.Hash, (ReadOnlyMemory<float>)VectorOf(t.Text))).ToList());

        Assert.Equal(distinct - 2, await Store.Vectors.CountUnembeddedAsync(Model));
        Assert.DoesNotContain(texts[0], await Store.Vectors.ReadUnembeddedAsync(Model, 1000));
        Assert.Equal(distinct, await Store.Vectors.CountUnembeddedAsync("other-model"));
    }

    [Fact]
    public async Task SearchVectors_ByCosine_BestFirstTiesByClauseAndScoresOfTheStoredVectors()
    {
        await IngestAsync("lease.txt", Contracts.Lease, Alice);
        await IngestAsync("services.txt", Contracts.Services, Alice);
        await IngestAsync("secret.txt", Contracts.Secret, Alice);
        await EmbedAllAsync();
        var query = Scaled(0.6f, 0.8f);

        var result = await Store.Vectors.SearchVectorsAsync(query, Model, Alice, 4);

        var document = await ReadAllClausesAsync(Alice);
        Assert.Equal(document.Count, result.Searched);
        Assert.Equal(0, result.Unembedded);
        Assert.Equal(4, result.Passages.Count);
        Assert.Contains("indemnify", result.Passages[1].Text, StringComparison.Ordinal);
        Assert.Contains("liability", result.Passages[0].Text, StringComparison.Ordinal);
        foreach (var passage in result.Passages)
        {
            Assert.Equal(TensorPrimitives.Dot(query, Stored(VectorOf(passage.Text))), passage.Score, 1e-6);
        }

        // The rest score 0 alike: the lowest clause rows (the lease's first clauses, in order) come next.
        Assert.Equal(document.Where(c => VectorOf(c.Text) == Other).Take(2).Select(c => c.ClauseId), result.Passages.Skip(2).Select(p => p.ClauseId));
        var mine = await Store.Vectors.SearchVectorsAsync(Mine, Model, Alice, 2);
        Assert.Equal(document.Where(c => c.Text.Contains("zanzibarite", StringComparison.Ordinal)).Select(c => c.ClauseId), mine.Passages.Select(p => p.ClauseId));
    }

    [Fact]
    public async Task SearchVectors_UserBCannotGetUserAsClause_NorCountIt()
    {
        var secret = await IngestAsync("secret.txt", Contracts.Secret, Alice);
        var services = await IngestAsync("services.txt", Contracts.Services, Bob);
        await EmbedAllAsync();

        var asBob = await Store.Vectors.SearchVectorsAsync(Mine, Model, Bob, 50);
        var asAlice = await Store.Vectors.SearchVectorsAsync(Mine, Model, Alice, 1);

        Assert.DoesNotContain(asBob.Passages, p => p.DocumentId == secret.DocumentId);
        Assert.All(asBob.Passages, p => Assert.Equal(0, p.Score));
        Assert.Equal(services.ClauseCount, asBob.Searched + asBob.Unembedded);
        Assert.Equal(secret.DocumentId, Assert.Single(asAlice.Passages).DocumentId);
        Assert.Equal(secret.ClauseCount, asAlice.Searched);

        await Store.Lifecycle.SetAccessAsync(secret.DocumentId, AccessList.Parse("bob"), Alice);
        Assert.Equal(secret.DocumentId, (await Store.Vectors.SearchVectorsAsync(Mine, Model, Bob, 1)).Passages[0].DocumentId);
    }

    [Fact]
    public async Task SearchVectors_NewVersionAndRetiredDocument_OnlyCurrentClausesReturned()
    {
        var lease = await IngestAsync("lease.txt", Contracts.Lease, Alice);
        await EmbedAllAsync();
        var indemnity = Assert.Single((await Store.Vectors.SearchVectorsAsync(Indemnity, Model, Alice, 1)).Passages);
        Assert.Equal(1, indemnity.Version);

        await IngestAsync("lease.txt", Contracts.Lease.Replace("indemnify the Lessor", "indemnify and hold harmless the Lessor", StringComparison.Ordinal), Alice);
        Assert.Equal(1, await Store.Vectors.CountUnembeddedAsync(Model));
        var replaced = await Store.Vectors.SearchVectorsAsync(Indemnity, Model, Alice, 50);

        // The unchanged texts keep their vectors; the new one has none yet: counted, not searched; the old version's clause is gone.
        Assert.Equal(1, replaced.Unembedded);
        Assert.DoesNotContain(replaced.Passages, p => p.Score > 0.5);
        Assert.All(replaced.Passages, p => Assert.Equal(2, p.Version));
        await EmbedAllAsync();
        Assert.Equal(2, (await Store.Vectors.SearchVectorsAsync(Indemnity, Model, Alice, 1)).Passages[0].Version);

        await Store.Lifecycle.RetireAsync(lease.DocumentId, Alice);
        var retired = await Store.Vectors.SearchVectorsAsync(Indemnity, Model, Alice, 50);

        Assert.Empty(retired.Passages);
        Assert.Equal(0, retired.Searched + retired.Unembedded);
        Assert.Equal(0, await Store.Vectors.CountUnembeddedAsync(Model));
    }

    /// <summary>The embedding pass with the hand-made model: every unembedded text gets <see cref="VectorOf"/>.</summary>
    private async Task EmbedAllAsync()
    {
        var texts = await Store.Vectors.ReadUnembeddedAsync(Model, 1000);
        await Store.Vectors.SaveVectorsAsync(Model, texts.Select(t => (t.Hash, (ReadOnlyMemory<float>)VectorOf(t.Text))).ToList());
    }

    /// <summary>Every current clause the caller may read, in clause row order (ingest order, then ordinal).</summary>
    private async Task<List<(string ClauseId, string Text)>> ReadAllClausesAsync(Principal caller)
    {
        var clauses = new List<(string, string)>();
        foreach (var summary in await Store.Documents.ListDocumentsAsync(caller))
        {
            var document = await Store.Documents.GetDocumentAsync(summary.DocumentId, caller);
            clauses.AddRange(document!.Clauses.Select(c => (c.ClauseId, c.Clause.Text)));
        }

        // A stable sort: documents in the order the tests ingest them, each document's clauses in order.
        return clauses.OrderBy(c => IngestOrder(c.Item2)).ToList();
    }

    private static int IngestOrder(string text) =>
        Contracts.Lease.Contains(text, StringComparison.Ordinal) ? 0 : Contracts.Services.Contains(text, StringComparison.Ordinal) ? 1 : 2;

    private static float[] VectorOf(string text) =>
        text.Contains("indemnif", StringComparison.OrdinalIgnoreCase) ? Indemnity
        : text.Contains("liability", StringComparison.OrdinalIgnoreCase) ? Liability
        : text.Contains("zanzibarite", StringComparison.Ordinal) ? Mine
        : Other;

    /// <summary>A unit vector between the indemnity and liability directions.</summary>
    private static float[] Scaled(float indemnity, float liability) => [indemnity, liability, 0, 0];

    /// <summary>A vector rounded to float16 and back, as the stores keep it.</summary>
    private static float[] Stored(float[] vector)
    {
        var half = new Half[vector.Length];
        TensorPrimitives.ConvertToHalf(vector, half);
        var stored = new float[vector.Length];
        TensorPrimitives.ConvertToSingle(half, stored);
        return stored;
    }
}
