using Tandem.Documents;
using Tandem.Evaluation;
using Tandem.Tests.Support;

namespace Tandem.Tests.Evaluation;

public sealed class CuadRetrievalTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EvaluateAsync_Rerank_LearnsWhatEachCategorysClausesLookLikeFromOtherContracts()
    {
        var data = CuadDataset.Load(DataFolders.WriteCuadLike(_dir.File("cuad"), contracts: 40));
        var evaluator = new CuadRetrievalEvaluator(DocumentReaders.CreateDefault(), new ClauseSegmenter()) { Embeddings = new WordHashEmbeddingGenerator() };

        var result = await evaluator.EvaluateAsync(data, ["bm25", "rerank"]);

        double RecallAt1(string config) => result.Scores.Single(s => s.Config == config && s.K == 1).Recall;
        Assert.Equal(80, result.Queries);
        // The category names alone share few words with the clauses; their look, learned by contract folds, finds them.
        Assert.True(RecallAt1("rerank") >= 0.9, $"rerank recall@1 {RecallAt1("rerank"):0.000}");
        Assert.True(RecallAt1("rerank") > RecallAt1("bm25"), $"rerank {RecallAt1("rerank"):0.000} against bm25 {RecallAt1("bm25"):0.000}");
    }

    [Fact]
    public void CharacterOverlap_HandComputed()
    {
        // Retrieved [0,10) and [5,20) merge to [0,20) (20 chars); gold [15,25) and [30,40) (20 chars); overlap [15,20) = 5.
        var (precision, recall) = CuadRetrievalEvaluator.CharacterOverlap([(0, 10), (5, 20)], [(15, 25), (30, 40)]);

        Assert.Equal(5.0 / 20, precision, 10);
        Assert.Equal(5.0 / 20, recall, 10);
        Assert.Equal((0.0, 0.0), CuadRetrievalEvaluator.CharacterOverlap([], [(0, 5)]));
        Assert.Equal((1.0, 1.0), CuadRetrievalEvaluator.CharacterOverlap([(3, 9)], [(3, 9)]));
    }
}
