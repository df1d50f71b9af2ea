using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Tandem.Store;

namespace Tandem.Retrieval;

/// <summary>
/// The dense side of the <see cref="RetrievalIndex"/> for one set of readable documents: an LSA
/// embedding learned from exactly those documents' clauses, and the clauses' vectors. The LSA
/// vocabulary and projection are learned from the corpus, so a model learned from everything
/// would let a caller's query vectors (and <c>/v1/embeddings</c>) depend on text they may not
/// read; a view per readable set keeps what a caller sees a function of what they may read,
/// as <see cref="KnowledgeBaseIndex"/> does for the CLI.
/// </summary>
internal sealed class DenseView
{
    /// <summary>Dimensions of the LSA embedding, as the CLI's knowledge-base index uses.</summary>
    public const int Dimensions = 128;

    private readonly Passage[] _passages;
    private readonly int[] _documentOf;

    private DenseView(string key, IEmbeddingGenerator<string, Embedding<float>> embeddings, VectorIndex vectors, Passage[] passages, int[] documentOf)
    {
        Key = key;
        Embeddings = embeddings;
        Vectors = vectors;
        _passages = passages;
        _documentOf = documentOf;
        Documents = documentOf.ToHashSet();
    }

    /// <summary>Identifies the readable set (documents and versions) the view was learned from.</summary>
    public string Key { get; }

    /// <summary>The embedding learned from the view's clauses; it embeds queries for this view only.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Embeddings { get; }

    /// <summary>The clauses' vectors; row r is <see cref="Passage(int)"/>(r).</summary>
    public VectorIndex Vectors { get; }

    /// <summary>The document ordinals the view was learned from.</summary>
    public IReadOnlySet<int> Documents { get; }

    public Passage Passage(int row) => _passages[row];

    public int DocumentOf(int row) => _documentOf[row];

    /// <summary>The key of the view for these documents and versions.</summary>
    public static string KeyFor(IReadOnlyList<(int Ordinal, int Version)> documents)
    {
        var text = new StringBuilder();
        foreach (var (ordinal, version) in documents)
        {
            text.Append(ordinal).Append(':').Append(version).Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Learns the view of <paramref name="documents"/> (from <see cref="RetrievalSnapshot.CurrentDocuments"/>)
    /// in <paramref name="snapshot"/>; null when they hold no clause.
    /// </summary>
    public static DenseView? Build(RetrievalSnapshot snapshot, IReadOnlyList<(int Ordinal, int Version)> documents, CancellationToken cancellationToken)
    {
        var wanted = documents.ToHashSet();
        var rows = Enumerable.Range(0, snapshot.Items)
            .Where(i => wanted.Contains((snapshot.DocumentOf(i), snapshot.Passage(i).Version)))
            .ToArray();
        if (rows.Length == 0)
        {
            return null;
        }

        var passages = rows.Select(snapshot.Passage).ToArray();
        var texts = passages.Select(p => p.Text).ToList();
        var embeddings = LsaEmbeddingGenerator.Train(texts, Dimensions);
        var vectors = new List<float[]>(texts.Count);
        foreach (var text in texts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            vectors.Add(embeddings.Embed(text));
        }

        // As HybridIndex: exact scans below 20,000 clauses, IVF with about √n partitions above.
        var partitions = texts.Count >= 20_000 ? (int)Math.Sqrt(texts.Count) : 0;
        return new DenseView(KeyFor(documents), embeddings, new VectorIndex(vectors, partitions), passages, rows.Select(snapshot.DocumentOf).ToArray());
    }
}
