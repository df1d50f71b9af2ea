using Tandem.Access;
using Tandem.Store;

namespace Tandem.Retrieval;

/// <summary>
/// One state of the <see cref="RetrievalIndex"/>: every document it knows (ordinals never
/// change), the clauses of each document's indexed version as items, one BM25 index over those
/// items, and the stored vectors of the items that have one in an <see cref="IncrementalVectorIndex"/>.
/// A new version appends its clauses; the old version's items stay in the indexes but are dead
/// (no query scores them) until a compaction drops them, once they outnumber the live ones.
/// Everything is immutable except the vector side, which only grows (under the index's refresh
/// lock): an item gains its vector once it is stored, and the vector index is swapped for a
/// rebuilt one. The vector index may be shared with the next state and hold items past this
/// state's <see cref="Items"/>; every search passes <see cref="ReadableBy"/> as its filter.
/// </summary>
internal sealed class RetrievalSnapshot
{
    /// <summary>Dead items are dropped when there are more of them than this and than live ones.</summary>
    private const int CompactionFloor = 1024;

    /// <summary>Callers whose <see cref="ReadableItems"/> are kept (about 1 MB each at 166,000 items); past it the kept ones are dropped.</summary>
    private const int ReadersKept = 32;

    private readonly IndexedDocument[] _documents;
    private readonly Dictionary<string, int> _ordinals;
    private readonly Passage[] _passages;
    private readonly int[] _documentOf;
    private readonly string[] _hashes;
    private readonly bool[] _embedded; // whether the item's vector is in Dense
    private readonly bool[] _live; // IsLive by item: a search's filter reads one array instead of chasing the passage and document records
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ReadableItems> _readers = new(StringComparer.Ordinal);
    private volatile IncrementalVectorIndex _dense;

    private RetrievalSnapshot(IndexedDocument[] documents, Dictionary<string, int> ordinals, Passage[] passages, int[] documentOf, string[] hashes, bool[] embedded,
        IncrementalVectorIndex dense, Bm25Index keyword, KnowledgeBaseCursor? cursor)
    {
        _documents = documents;
        _ordinals = ordinals;
        _passages = passages;
        _documentOf = documentOf;
        _hashes = hashes;
        _embedded = embedded;
        _dense = dense;
        Keyword = keyword;
        Cursor = cursor;
        _live = Enumerable.Range(0, passages.Length).Select(IsLive).ToArray();
        LiveItems = _live.Count(live => live);
    }

    /// <summary>The state of an index that has read nothing yet, its vectors to be indexed under <paramref name="settings"/>.</summary>
    public static RetrievalSnapshot Empty(VectorIndexSettings settings) =>
        new([], new(StringComparer.Ordinal), [], [], [], [], new IncrementalVectorIndex(settings), new Bm25Index([]), null);

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

    /// <summary>The vectors of the items that have one; may hold items past <see cref="Items"/> (see <see cref="ReadableBy"/>).</summary>
    public IncrementalVectorIndex Dense
    {
        get => _dense;
        set => _dense = value; // under the refresh lock: a rebuilt index holding the same items
    }

    /// <summary>Clauses of current, unretired versions that have a vector.</summary>
    public int EmbeddedLiveItems => Enumerable.Range(0, _passages.Length).Count(i => Volatile.Read(ref _embedded[i]) && _live[i]);

    /// <summary>
    /// What <paramref name="caller"/> may search in this state under <paramref name="policy"/>
    /// (the filter of every search: items of this state, since <see cref="Dense"/> may hold later
    /// ones, that are current clauses of documents the caller may read). Made on the caller's first
    /// search of this state and kept for the next: access lists do not change within a state.
    /// </summary>
    public ReadableItems ReadableBy(Principal caller, IAccessPolicy policy)
    {
        var key = caller.UserId + "\n" + string.Join('\n', caller.Groups);
        if (_readers.TryGetValue(key, out var kept) && ReferenceEquals(kept.Policy, policy))
        {
            return kept;
        }

        if (_readers.Count >= ReadersKept)
        {
            _readers.Clear();
        }

        var readable = Readable(caller, policy);
        var items = new bool[_live.Length];
        var count = 0;
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = _live[i] && readable[_documentOf[i]];
            count += items[i] ? 1 : 0;
        }

        var made = new ReadableItems(items, LiveItems == 0 ? 1 : count / (double)LiveItems, Keyword.Subset(i => items[i]), policy);
        _readers[key] = made;
        return made;
    }

    /// <summary>
    /// Adds the vectors of items still without one from <paramref name="vectorOf"/> (by text
    /// hash) to <see cref="Dense"/>; the caller holds the index's refresh lock. Returns how many were added.
    /// </summary>
    public int AttachVectors(Func<string, Half[]?> vectorOf)
    {
        var attached = 0;
        for (var i = 0; i < _embedded.Length; i++)
        {
            if (!_embedded[i] && vectorOf(_hashes[i]) is { } vector)
            {
                _dense.Add(i, vector);
                Volatile.Write(ref _embedded[i], true);
                attached++;
            }
        }

        return attached;
    }

    /// <summary>Whether a passage of document <paramref name="ordinal"/> is the current text of an unretired document.</summary>
    private bool IsCurrent(int ordinal, Passage passage)
    {
        var document = _documents[ordinal];
        return !document.State.Retired && passage.Version == document.IndexedVersion;
    }

    /// <summary>Whether the store has to be asked for a document's clauses before <see cref="Apply"/>.</summary>
    public bool NeedsClauses(DocumentState state) =>
        !state.Retired && (!_ordinals.TryGetValue(state.DocumentId, out var ordinal) || _documents[ordinal].IndexedVersion != state.Version);

    /// <summary>Which documents (by ordinal) the caller may read under the one access policy, retired ones included.</summary>
    private bool[] Readable(Principal caller, IAccessPolicy policy)
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
        Func<string, Half[]?> vectorOf)
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
        var embedded = new bool[_passages.Length + passages.Count];
        _embedded.CopyTo(embedded, 0);
        for (var i = 0; i < hashes.Count; i++)
        {
            // Item numbers past this state's: this state's searches skip them (Holds), the next state's find them.
            if (vectorOf(hashes[i]) is { } vector)
            {
                _dense.Add(_passages.Length + i, vector);
                embedded[_passages.Length + i] = true;
            }
        }

        var next = new RetrievalSnapshot(documents.ToArray(), ordinals, [.. _passages, .. passages], [.. _documentOf, .. documentOf],
            [.. _hashes, .. hashes], embedded, _dense,
            passages.Count == 0 ? Keyword : Keyword.Append(passages.Select(p => p.Text).ToList()), cursor);
        return next.Items - next.LiveItems > Math.Max(CompactionFloor, next.LiveItems) ? next.Compacted() : next;
    }

    /// <summary>This state without its dead items: the BM25 index is rebuilt from the live ones, the vector index renumbered.</summary>
    public RetrievalSnapshot Compacted()
    {
        var live = Enumerable.Range(0, _passages.Length).Where(IsLive).ToArray();
        var newItemOf = new int[_passages.Length];
        Array.Fill(newItemOf, -1);
        for (var i = 0; i < live.Length; i++)
        {
            newItemOf[live[i]] = i;
        }

        // A retired document's clauses go too; it is read again if it is restored.
        var documents = _documents.Select(d => d.State.Retired ? d with { IndexedVersion = 0 } : d).ToArray();
        var passages = live.Select(i => _passages[i]).ToArray();
        return new RetrievalSnapshot(documents, _ordinals, passages, live.Select(i => _documentOf[i]).ToArray(),
            live.Select(i => _hashes[i]).ToArray(), live.Select(i => _embedded[i]).ToArray(), _dense.Renumbered(newItemOf), new Bm25Index(passages.Select(p => p.Text).ToList()), Cursor);
    }

    private bool IsLive(int item) => IsCurrent(_documentOf[item], _passages[item]);

    /// <summary>A document's state and the version whose clauses the index holds (0: none).</summary>
    private sealed record IndexedDocument(DocumentState State, int IndexedVersion);
}
