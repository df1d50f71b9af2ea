using Microsoft.Extensions.AI;
using Tandem.Retrieval;

namespace Tandem.Bench;

/// <summary>
/// The benchmark's query embedder: the real model, or, while <see cref="Remember"/> is on, the
/// vectors it already made for the same texts, so one index can be timed with and without the
/// cost of embedding each query.
/// </summary>
internal sealed class SwitchableEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly MemoizedEmbeddingGenerator _remembered = new(inner);

    /// <summary>Whether queries are answered from memory (after the first time each).</summary>
    public bool Remember { get; set; }

    /// <inheritdoc />
    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Remember ? _remembered.GenerateAsync(values, options, cancellationToken) : base.GenerateAsync(values, options, cancellationToken);
}
