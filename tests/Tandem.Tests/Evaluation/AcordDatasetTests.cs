using Tandem.Evaluation;
using Tandem.Retrieval;
using Tandem.Tests.Support;

namespace Tandem.Tests.Evaluation;

public sealed class AcordDatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_BeirFolder_ReadsCorpusQueriesAndQuotedQrels()
    {
        var folder = WriteFixture();

        var data = AcordDataset.Load(folder, "train");

        Assert.Equal(4, data.Corpus.Count);
        var query = Assert.Single(data.Queries);
        Assert.Equal("\"as is\" clause", query.Id);
        Assert.Equal("Warranties", query.Category);
        Assert.Equal(4, query.Judgements["c1"]);
        Assert.Equal(0, query.Judgements["c3"]);
    }

    [Fact]
    public async Task EvaluateAsync_AdapterFeatureWithoutCuadFolder_RefusedNamingTheOption()
    {
        var data = AcordDataset.Load(WriteFixture(), "train");
        var evaluator = new AcordEvaluator { Embeddings = new Support.WordHashEmbeddingGenerator(), RerankerTrainingQueries = data.Queries, RerankExtras = AcordExtraFeatures.Parse("qualifier,adapter") };

        var ex = await Assert.ThrowsAsync<TandemException>(() => evaluator.EvaluateAsync(data, ["rerank"], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("--adapter-data", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_Bm25AndDense_ScoresEveryConfigAndScope()
    {
        var data = AcordDataset.Load(WriteFixture(), "train");

        var result = await new AcordEvaluator { Embeddings = new Support.WordHashEmbeddingGenerator() }.EvaluateAsync(data, ["bm25", "dense", "hybrid:0.5"],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(6, result.Scores.Count);
        var bm25 = result.Scores.Single(s => s.Config == "bm25" && s.Scope == "judged pool");
        // c1 (4 stars... grade 4) is the only clause saying "as is"; it ranks first.
        Assert.True(bm25.Ndcg5 > 0.9, $"NDCG@5 {bm25.Ndcg5}");
        Assert.All(result.Scores, s => Assert.InRange(s.Ndcg10, 0, 1));
    }

    [Fact]
    public async Task EvaluateAsync_TunedWithAnotherEmbeddingModel_RefusedNamingTheConfigurations()
    {
        var data = AcordDataset.Load(WriteFixture(), "train");
        var evaluator = new AcordEvaluator { Embeddings = new Support.WordHashEmbeddingGenerator(), RerankerTrainingQueries = data.Queries };

        var ex = await Assert.ThrowsAsync<TandemException>(() => evaluator.EvaluateAsync(data, ["dense", "tuned"], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("MiniLM", ex.Message, StringComparison.Ordinal);
        Assert.Contains("leave out tuned", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_TunedOnItsOwnSplit_RanksTheQueryByAModelThatNeverSawIt()
    {
        var data = AcordDataset.Load(WriteFixture(), "train");
        var evaluator = new AcordEvaluator { Embeddings = new MiniLmEmbeddingGenerator(), RerankerTrainingQueries = data.Queries };

        var result = await evaluator.EvaluateAsync(data, ["dense", "tuned"], cancellationToken: TestContext.Current.CancellationToken);

        // The fixture's one query is its fold's only one: the model of the other folds learned from nothing, so it is MiniLM itself.
        var dense = result.Scores.Where(s => s.Config == "dense").ToList();
        var tuned = result.Scores.Where(s => s.Config == "tuned").ToList();
        Assert.Equal(2, tuned.Count);
        Assert.Equal(dense.Select(s => (s.Scope, s.Ndcg5, s.Ndcg10)), tuned.Select(s => (s.Scope, s.Ndcg5, s.Ndcg10)));
    }

    [Fact]
    public async Task EvaluateAsync_TunedWithCuadCategories_StillRanksEachQuerysOwnCategoryFirst()
    {
        var acord = DataFolders.WriteAcordLike(_dir.File("acord-like"));
        var cuad = DataFolders.WriteCuadLike(_dir.File("cuad-like"));
        var data = AcordDataset.Load(acord, "train");
        var evaluator = new AcordEvaluator { Embeddings = new MiniLmEmbeddingGenerator(), RerankerTrainingQueries = data.Queries, TuningData = cuad };

        var result = await evaluator.EvaluateAsync(data, ["tuned"], cancellationToken: TestContext.Current.CancellationToken);

        // Each query's pool is six clauses of its own category (graded) and six of the other (unjudged): the fine-tune on
        // CUAD's governing-law and cap clauses, and on the other query, must keep its own category on top, so the whole
        // corpus ranks as the pool does.
        var judged = result.Scores.Single(s => s.Scope == "judged pool");
        var whole = result.Scores.Single(s => s.Scope == "whole corpus");
        Assert.True(whole.Ndcg10 >= judged.Ndcg10 - 0.02, $"whole corpus NDCG@10 {whole.Ndcg10}, judged pool {judged.Ndcg10}");
    }

    [Theory]
    [InlineData("valid", "no judgements for split 'valid'")]
    public void Load_MissingSplit_ClearError(string split, string expected)
    {
        var error = Assert.Throws<TandemException>(() => AcordDataset.Load(WriteFixture(), split));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("train", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_UnknownConfig_ClearError()
    {
        var error = await Assert.ThrowsAsync<TandemException>(() => new AcordEvaluator().EvaluateAsync(AcordDataset.Load(WriteFixture(), "train"), ["bm26"],
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("unknown retrieval configuration 'bm26'", error.Message, StringComparison.Ordinal);
    }

    private string WriteFixture()
    {
        _dir.Write("acord/corpus.jsonl", string.Join("\n",
            """{"_id": "c1", "text": "The software is provided as is, without warranty of any kind."}""",
            """{"_id": "c2", "text": "Supplier warrants the goods are free from defects for one year."}""",
            """{"_id": "c3", "text": "This Agreement is governed by the laws of New York."}""",
            """{"_id": "c4", "text": "Either party may terminate on thirty days notice."}"""));
        _dir.Write("acord/queries.jsonl", """{"_id": "\"as is\" clause", "text": "\"as is\" clause", "metadata": {"category": "Warranties", "split": "train"}}""");
        _dir.Write("acord/qrels/train.tsv", "query-id\tcorpus-id\tscore\n\"\"\"as is\"\" clause\"\tc1\t4\n\"\"\"as is\"\" clause\"\tc2\t1\n\"\"\"as is\"\" clause\"\tc3\t0\n");
        return _dir.File("acord");
    }
}
