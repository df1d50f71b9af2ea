using Microsoft.Extensions.AI;

namespace Tandem.Retrieval;

/// <summary>
/// A dense embedding learned from the corpus itself, so it needs no download: latent semantic
/// analysis. TF-IDF vectors are projected onto the top right singular vectors of the corpus's
/// document-term matrix and scaled by 1/σ (the LSA fold-in), then L2-normalised, so cosine
/// similarity is a dot product. Terms that co-occur land close together, which lets a short
/// query match clauses that use related words.
/// </summary>
public sealed class LsaEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly TermVectorizer _vectorizer;
    private readonly float[,] _projection;
    private readonly EmbeddingGeneratorMetadata _metadata;

    private LsaEmbeddingGenerator(TermVectorizer vectorizer, float[,] projection)
    {
        _vectorizer = vectorizer;
        _projection = projection;
        Dimensions = projection.GetLength(1);
        _metadata = new EmbeddingGeneratorMetadata("tandem-lsa", defaultModelId: $"lsa-{Dimensions}", defaultModelDimensions: Dimensions);
    }

    public int Dimensions { get; }

    /// <summary>Learns the embedding from a corpus (deterministic for a given corpus and seed).</summary>
    public static LsaEmbeddingGenerator Train(IReadOnlyList<string> corpus, int dimensions = 256, int seed = 7)
    {
        var vectorizer = TermVectorizer.Fit(corpus);
        var rows = corpus.Select(vectorizer.Vectorize).ToList();
        var (v, sigma) = RandomizedSvd.TopRightVectors(rows, vectorizer.TermCount, dimensions, seed: seed);
        var k = sigma.Length;
        var projection = new float[vectorizer.TermCount, k];
        for (var t = 0; t < vectorizer.TermCount; t++)
        {
            for (var j = 0; j < k; j++)
            {
                projection[t, j] = sigma[j] > 1e-9 ? (float)(v[t, j] / sigma[j]) : 0f;
            }
        }

        return new LsaEmbeddingGenerator(vectorizer, projection);
    }

    /// <summary>Embeds one text synchronously; the vector is L2-normalised (all zeros when no known term occurs).</summary>
    public float[] Embed(string text)
    {
        var (indices, values) = _vectorizer.Vectorize(text);
        var vector = new float[Dimensions];
        for (var e = 0; e < indices.Length; e++)
        {
            var t = indices[e];
            var x = values[e];
            for (var j = 0; j < Dimensions; j++)
            {
                vector[j] += x * _projection[t, j];
            }
        }

        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        if (norm > 0)
        {
            for (var j = 0; j < Dimensions; j++)
            {
                vector[j] /= norm;
            }
        }

        return vector;
    }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = _metadata.DefaultModelId, CreatedAt = DateTimeOffset.UtcNow });
        }

        return Task.FromResult(embeddings);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release: the model is plain arrays.
    }
}
