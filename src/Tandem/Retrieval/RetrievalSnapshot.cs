using Tandem.Access;
using Tandem.Store;

namespace Tandem.Retrieval;

/// <summary>
/// One state of the <see cref="RetrievalIndex"/>: every document it knows (ordinals never
/// change), the clauses of each document's indexed version as items, one BM25 index over those
/// items, and each item's stored vector once the embedding pass has made it. A new version
/// appends its clauses; the old version's items stay in the BM25 index but are dead (no query
/// scores them) until a compaction drops them, once they outnumber the live ones. Everything is
/// immutable except the vector slots, which go from null to a vector once (under the index's
/// refresh lock) when a clause's vector is stored after its text was read.
/// </summary>
internal sealed class RetrievalSnapshot
{
    /// <summary>Dead items are dropped when there are more of them than this and than live ones.</summary>
    private const int CompactionFloor = 1024;

    private readonly IndexedDocument[] _documents;
    private readonly Dictionary<string, int> _ordinals;
    private readonly Passage[] _passages;
    private readonly int[] _documentOf;
    private readonly string[] _hashes;
    private readonly float[]?[] _vectors;

    private RetrievalSnapshot(IndexedDocument[] documents, Dictionary<string, int> ordinals, Passage[] passages, int[] documentOf, string[] hashes, float[]?[] vectors,
        Bm25Index keyword, KnowledgeBaseCursor? cursor)
    {
        _documents = documents;
        _ordinals = ordinals;
        _passages = passages;
        _documentOf = documentOf;
        _hashes = hashes;
        _vectors = vectors;
        Keyword = keyword;
        Cursor = cursor;
        LiveItems = Enumerable.Range(0, passages.Length).Count(IsLive);
    }

    /// <summary>The state of an index that has read nothing yet.</summary>
    public static RetrievalSnapshot Empty { get; } = new([], new(StringComparer.Ordinal), [], [], [], [], new Bm25Index([]), null);

    /// <summary>How far into the store's changes this state has read; null before the first read.</summary>
    public KnowledgeBaseCursor? Cursor { get; }

    /// <summary>BM25 over every item, live or dead; queries pass <see cref="IsLive"/> in their filter.</summary>
    public Bm25Index Keyword { get; }

    /// <summary>Items (clauses) held, dead ones included.</summary>
    public int Items => _passages.Length;

    /// <summary>Clauses of current, unretired versions: what queries can find.</summary>
    public int LiveItems { get; }

    /// <summary>Documents known (retired ones included).</summary>
    public int Documents => _documents.Length;

    /// <summary>The clause an item holds (score 0).</summary>
    public Passage Passage(int item) => _passages[item];

    /// <summary>The document ordinal of an item.</summary>
    public int DocumentOf(int item) => _documentOf[item];

    /// <summary>An item's stored vector; null until the embedding pass has stored one for its text.</summary>
    public float[]? Vector(int item) => Volatile.Read(ref _vectors[item]);

    /// <summary>Clauses of current, unretired versions that have a vector.</summary>
    public int EmbeddedLiveItems => Enumerable.Range(0, _passages.Length).Count(i => _vectors[i] is not null && IsLive(i));

    /// <summary>
    /// Fills the vector slots of items still without one from <paramref name="vectorOf"/> (by text
    /// hash); the caller holds the index's refresh lock. Returns how many were filled.
    /// </summary>
    public int AttachVectors(Func<string, float[]?> vectorOf)
    {
        var attached = 0;
        for (var i = 0; i < _vectors.Length; i++)
        {
            if (_vectors[i] is null && vectorOf(_hashes[i]) is { } vector)
            {
                Volatile.Write(ref _vectors[i], vector);
                attached++;
            }
        }

        return attached;
    }

    /// <summary>Whether a passage of document <paramref name="ordinal"/> is the current text of an unretired document.</summary>
    public bool IsCurrent(int ordinal, Passage passage)
    {
        var document = _documents[ordinal];
        return !document.State.Retired && passage.Version == document.IndexedVersion;
    }

    /// <summary>Whether the store has to be asked for a document's clauses before <see cref="Apply"/>.</summary>
    public bool NeedsClauses(DocumentState state) =>
        !state.Retired && (!_ordinals.TryGetValue(state.DocumentId, out var ordinal) || _documents[ordinal].IndexedVersion != state.Version);

    /// <summary>
    /// Which documents (by ordinal) the caller may read under the one access policy, retired ones
    /// included; the index's access filter, applied inside every query.
    /// </summary>
    public bool[] Readable(Principal caller, IAccessPolicy policy)
    {
        var readable = new bool[_documents.Length];
        for (var d = 0; d < readable.Length; d++)
        {
            readable[d] = policy.CanRead(caller, _documents[d].State.Access);
        }

        return readable;
    }

    /// <summary>
    /// This state with the documents' new states applied; <paramref name="clauses"/> holds the
    /// clauses of every state for which <see cref="NeedsClauses"/> was true. Applying a state twice
    /// changes nothing. New items take their vectors from <paramref name="vectorOf"/> (by text hash) when it has them.
    /// </summary>
    public RetrievalSnapshot Apply(IReadOnlyList<DocumentState> changes, IReadOnlyDictionary<string, IReadOnlyList<StoredClause>> clauses, KnowledgeBaseCursor cursor,
        Func<string, float[]?> vectorOf)
    {
        var documents = new List<IndexedDocument>(_documents);
        var ordinals = new Dictionary<string, int>(_ordinals, StringComparer.Ordinal);
        var passages = new List<Passage>();
        var documentOf = new List<int>();
        foreach (var state in changes)
        {
            if (!ordinals.TryGetValue(state.DocumentId, out var ordinal))
            {
                ordinal = documents.Count;
                ordinals[state.DocumentId] = ordinal;
                documents.Add(new IndexedDocument(state, 0));
            }

            var indexed = documents[ordinal].IndexedVersion;
            if (clauses.TryGetValue(state.DocumentId, out var added) && indexed != state.Version)
            {
                indexed = state.Version;
                foreach (var c in added)
                {
                    passages.Add(new Passage(state.DocumentId, state.Title, state.Version, c.ClauseId, c.Clause.Path, c.Clause.Heading, c.Clause.Start, c.Clause.End, c.Clause.Text, 0));
                    documentOf.Add(ordinal);
                }
            }

            documents[ordinal] = new IndexedDocument(state, indexed);
        }

        var hashes = passages.Select(p => ClauseText.HashOf(p.Text)).ToList();
        var next = new RetrievalSnapshot(documents.ToArray(), ordinals, [.. _passages, .. passages], [.. _documentOf, .. documentOf],
            [.. _hashes, .. hashes], [.. _vectors, .. hashes.Select(vectorOf)],
            passages.Count == 0 ? Keyword : Keyword.Append(passages.Select(p => p.Text).ToList()), cursor);
        return next.Items - next.LiveItems > Math.Max(CompactionFloor, next.LiveItems) ? next.Compacted() : next;
    }

    /// <summary>This state without its dead items: the BM25 index is rebuilt from the live ones.</summary>
    public RetrievalSnapshot Compacted()
    {
        var live = Enumerable.Range(0, _passages.Length).Where(IsLive).ToArray();
        // A retired document's clauses go too; it is read again if it is restored.
        var documents = _documents.Select(d => d.State.Retired ? d with { IndexedVersion = 0 } : d).ToArray();
        var passages = live.Select(i => _passages[i]).ToArray();
        return new RetrievalSnapshot(documents, _ordinals, passages, live.Select(i => _documentOf[i]).ToArray(),
            live.Select(i => _hashes[i]).ToArray(), live.Select(i => _vectors[i]).ToArray(), new Bm25Index(passages.Select(p => p.Text).ToList()), Cursor);
    }

    private bool IsLive(int item) => IsCurrent(_documentOf[item], _passages[item]);

    /// <summary>A document's state and the version whose clauses the index holds (0: none).</summary>
    private sealed record IndexedDocument(DocumentState State, int IndexedVersion);
}
