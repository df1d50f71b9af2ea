using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Tandem.Store;

namespace Tandem.Retrieval;

/// <summary>
/// Vectors of any texts (an evaluation corpus, say) through the vector store: what is stored for
/// the model is read, the rest is embedded <see cref="ClauseEmbedder.ChunkSize"/> at a time and
/// stored, so a second run embeds nothing. Every vector returned has been through the store's
/// float16 form, so a run that embedded and a run that read rank alike. Without a store it
/// embeds everything and keeps nothing.
/// </summary>
public sealed class StoredEmbeddings
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly IClauseVectorStore? _store;

    public StoredEmbeddings(IEmbeddingGenerator<string, Embedding<float>> generator, IClauseVectorStore? store)
    {
        ArgumentNullException.ThrowIfNull(generator);
        _generator = generator;
        _store = store;
        Model = ClauseEmbedder.ModelIdOf(generator);
    }

    /// <summary>The model id the vectors are stored under.</summary>
    public string Model { get; }

    /// <summary>One vector per text, in order; reports how many missing texts have been embedded.</summary>
    public async Task<IReadOnlyList<float[]>> GetAsync(IReadOnlyList<string> texts, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var hashes = texts.Select(ClauseText.HashOf).ToList();
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (_store is not null)
        {
            var wanted = hashes.ToHashSet(StringComparer.Ordinal);
            foreach (var stored in await _store.ReadVectorsAsync(Model, 0, cancellationToken))
            {
                if (wanted.Contains(stored.Hash))
                {
                    vectors[stored.Hash] = stored.Vector;
                }
            }
        }

        var missing = hashes.Select((h, i) => (Hash: h, Text: texts[i])).Where(t => !vectors.ContainsKey(t.Hash)).DistinctBy(t => t.Hash).ToList();
        var done = 0;
        foreach (var chunk in missing.Chunk(ClauseEmbedder.ChunkSize))
        {
            progress?.Report(new WorkProgress($"embedding with {Model}", done, missing.Count));
            var embeddings = await _generator.GenerateAsync(chunk.Select(t => t.Text), cancellationToken: cancellationToken);
            var made = chunk.Select((t, i) => (t.Hash, Vector: AsStored(embeddings[i].Vector.Span))).ToList();
            if (_store is not null)
            {
                await _store.SaveVectorsAsync(Model, made.Select(m => (m.Hash, new ReadOnlyMemory<float>(m.Vector))).ToList(), cancellationToken);
            }

            foreach (var (hash, vector) in made)
            {
                vectors[hash] = vector;
            }

            done += chunk.Length;
        }

        return hashes.Select(h => vectors[h]).ToList();
    }

    /// <summary>The vector as the store gives it back: rounded to float16.</summary>
    private static float[] AsStored(ReadOnlySpan<float> vector)
    {
        var half = new Half[vector.Length];
        TensorPrimitives.ConvertToHalf(vector, half);
        var rounded = new float[vector.Length];
        TensorPrimitives.ConvertToSingle(half, rounded);
        return rounded;
    }
}
