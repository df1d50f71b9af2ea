using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Tandem.Retrieval;

/// <summary>
/// Remembers the vectors of the texts it has embedded, for callers that embed the same few
/// queries thousands of times (an evaluation asks 41 category queries of every contract).
/// </summary>
public sealed class MemoizedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly ConcurrentDictionary<string, Embedding<float>> _seen = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        var missing = texts.Where(t => !_seen.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var made = await base.GenerateAsync(missing, options, cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                _seen[missing[i]] = made[i];
            }
        }

        return new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => _seen[t]));
    }
}
