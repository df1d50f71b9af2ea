using System.Diagnostics;
using Microsoft.Extensions.AI;
using Tandem.Store;

namespace Tandem.Retrieval;

/// <summary>
/// The embedding pass: embeds every current clause text that has no vector from the model yet
/// and stores the vectors (<see cref="IClauseVectorStore"/>), <see cref="ChunkSize"/> texts at a
/// time, each chunk in its own transaction, so a cancelled or failed pass keeps what it finished
/// and the next pass starts where it stopped. Unchanged clauses, and texts another document
/// already had, are never embedded again; a different model embeds everything for itself.
/// Run by <c>tandem ingest</c>/<c>sync</c> after the files are stored, and by the server in the background.
/// </summary>
public sealed class ClauseEmbedder
{
    /// <summary>Texts read, embedded and stored per transaction.</summary>
    public const int ChunkSize = 256;

    private readonly IClauseVectorStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;

    public ClauseEmbedder(IClauseVectorStore store, IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(generator);
        _store = store;
        _generator = generator;
        Model = ModelIdOf(generator);
    }

    /// <summary>The id the vectors are stored under.</summary>
    public string Model { get; }

    /// <summary>The id an embedding generator's vectors are stored under: its metadata's default model id.</summary>
    public static string ModelIdOf(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId is { Length: > 0 } id
            ? id
            : throw new ArgumentException("the embedding generator names no model (EmbeddingGeneratorMetadata.DefaultModelId), so its vectors could not be told from another model's", nameof(generator));
    }

    /// <summary>Embeds and stores what is missing; reports progress after each chunk.</summary>
    public async Task<EmbeddingRun> EmbedMissingAsync(IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var total = await _store.CountUnembeddedAsync(Model, cancellationToken);
        var done = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (total > 0)
        {
            progress?.Report(new WorkProgress("embedding clauses", 0, total));
        }

        while (true)
        {
            var texts = await _store.ReadUnembeddedAsync(Model, ChunkSize, cancellationToken);
            if (texts.Count == 0)
            {
                break;
            }

            if (!texts.Any(t => seen.Add(t.Hash)))
            {
                throw new InvalidOperationException($"the store keeps returning the same {texts.Count} texts as unembedded after their vectors were saved");
            }

            var embeddings = await _generator.GenerateAsync(texts.Select(t => t.Text), cancellationToken: cancellationToken);
            if (embeddings.Count != texts.Count)
            {
                throw new InvalidOperationException($"the embedding model returned {embeddings.Count} vectors for {texts.Count} texts");
            }

            await _store.SaveVectorsAsync(Model, texts.Select((t, i) => (t.Hash, embeddings[i].Vector)).ToList(), cancellationToken);
            done += texts.Count;
            progress?.Report(new WorkProgress("embedding clauses", done, Math.Max(total, done)));
        }

        return new EmbeddingRun(Model, done, watch.Elapsed);
    }
}
