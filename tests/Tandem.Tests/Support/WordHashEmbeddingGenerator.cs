using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Tandem.Tests.Support;

/// <summary>
/// A deterministic embedding for tests: each lower-cased word adds 1 to one of 64 dimensions
/// (chosen by a stable hash of the word), then the vector is scaled to unit length. Texts sharing
/// words are close; it counts the texts it embedded, so tests can see what was (re)embedded.
/// </summary>
public sealed class WordHashEmbeddingGenerator(string modelId = "test-word-hash") : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 64;

    private readonly EmbeddingGeneratorMetadata _metadata = new("test", defaultModelId: modelId, defaultModelDimensions: Dimensions);
    private int _embedded;

    /// <summary>The id its vectors are stored under.</summary>
    public string GetModelId() => modelId;

    /// <summary>Texts embedded so far.</summary>
    public int Embedded => _embedded;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            Interlocked.Increment(ref _embedded);
            result.Add(new Embedding<float>(Embed(text)) { ModelId = modelId });
        }

        return Task.FromResult(result);
    }

    public static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split([' ', '.', ',', ';', ':', '(', ')', '\n', '\'', '"'], StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = 17;
            foreach (var c in word)
            {
                hash = unchecked((hash * 31) + c);
            }

            vector[(hash & int.MaxValue) % Dimensions] += 1;
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
