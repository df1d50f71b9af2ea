namespace Tandem.Store;

/// <summary>The SQLite schema; <c>PRAGMA user_version</c> records which one a file has.</summary>
internal static class SqliteSchema
{
    /// <summary>
    /// 2: access events, and a source path may repeat (see <see cref="DocumentsTableMigration"/>).
    /// 3: clause and version lengths in tokens, filled in for older stores on first open.
    /// 4: clause vectors (<see cref="Vectors"/>); an older store gets the empty tables on first open.
    /// </summary>
    public const int Version = 4;

    /// <summary>
    /// The columns of the documents table. A source path is not unique: a user who may not read
    /// the document stored from a path gets a document of their own from it.
    /// </summary>
    public const string DocumentColumns = """
            id               TEXT PRIMARY KEY,
            source           TEXT NOT NULL,
            title            TEXT NOT NULL,
            media_type       TEXT NOT NULL,
            current_version  INTEGER NOT NULL,
            current_version_id INTEGER NOT NULL,
            created_at       TEXT NOT NULL,
            updated_at       TEXT NOT NULL,
            retired_at       TEXT NULL
        """;

    /// <summary>Every change of a document's access list (its creation included): who, when, the old list and the new one.</summary>
    public const string AccessEvents = """
        CREATE TABLE IF NOT EXISTS access_events (
            id           INTEGER PRIMARY KEY,
            document_id  TEXT NOT NULL,
            at           TEXT NOT NULL,
            by           TEXT NOT NULL,
            old_access   TEXT NOT NULL,
            new_access   TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_access_events_document ON access_events(document_id, id);
        """;

    /// <summary>The FTS5 tokenizer of the clause index; <see cref="FtsTokenizer"/> applies the same one to query words.</summary>
    public const string Tokenizer = "porter unicode61 remove_diacritics 2";

    /// <summary>
    /// Each clause's length in tokens (text and heading, split as FTS5's unicode61 tokenizer splits them) and
    /// each version's clause and token totals, so keyword search can compute BM25's statistics
    /// over only the clauses a caller may read (see SqliteDocumentStore.Search.cs).
    /// </summary>
    public const string Lengths = """
        CREATE TABLE IF NOT EXISTS clause_lengths (
            id          INTEGER PRIMARY KEY REFERENCES clauses(id),
            version_id  INTEGER NOT NULL,
            tokens      INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS version_lengths (
            version_id  INTEGER PRIMARY KEY REFERENCES versions(id),
            clauses     INTEGER NOT NULL,
            tokens      INTEGER NOT NULL
        );
        """;

    /// <summary>
    /// Embeddings, stored once per clause text and model: <c>clause_hashes</c> gives each clause
    /// row the SHA-256 of its text (filled in by the embedding pass, not by ingest), and
    /// <c>clause_vectors</c> holds one vector per (model, text hash) as little-endian float16, so an
    /// unchanged clause, or the same text in another document, is never embedded twice, and
    /// another model's vectors sit beside them. The row id orders the vectors as they were added:
    /// a reader that keeps vectors in memory reads only those past the last id it saw.
    /// </summary>
    public const string Vectors = """
        CREATE TABLE IF NOT EXISTS clause_hashes (
            clause  INTEGER PRIMARY KEY REFERENCES clauses(id),
            hash    TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_clause_hashes_hash ON clause_hashes(hash);
        CREATE TABLE IF NOT EXISTS clause_vectors (
            id      INTEGER PRIMARY KEY,
            model   TEXT NOT NULL,
            hash    TEXT NOT NULL,
            vector  BLOB NOT NULL,
            UNIQUE (model, hash)
        );
        """;

    public const string SourceIndex = "CREATE INDEX IF NOT EXISTS ix_documents_source ON documents(source);";

    public const string Create = $"""
        CREATE TABLE IF NOT EXISTS documents (
        {DocumentColumns}
        );
        {SourceIndex}
        {AccessEvents}
        CREATE TABLE IF NOT EXISTS versions (
            id            INTEGER PRIMARY KEY,
            document_id   TEXT NOT NULL REFERENCES documents(id) DEFERRABLE INITIALLY DEFERRED,
            version       INTEGER NOT NULL,
            content_hash  TEXT NOT NULL,
            byte_size     INTEGER NOT NULL,
            text          TEXT NOT NULL,
            ingested_by   TEXT NOT NULL,
            ingested_at   TEXT NOT NULL,
            UNIQUE (document_id, version)
        );
        CREATE TABLE IF NOT EXISTS clauses (
            id           INTEGER PRIMARY KEY,
            clause_id    TEXT NOT NULL,
            version_id   INTEGER NOT NULL REFERENCES versions(id),
            document_id  TEXT NOT NULL,
            ordinal      INTEGER NOT NULL,
            path         TEXT NOT NULL,
            heading      TEXT NULL,
            kind         TEXT NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset   INTEGER NOT NULL,
            text         TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_clauses_version ON clauses(version_id, ordinal);
        CREATE TABLE IF NOT EXISTS defined_terms (
            version_id     INTEGER NOT NULL REFERENCES versions(id),
            term           TEXT NOT NULL,
            start_offset   INTEGER NOT NULL,
            clause_ordinal INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_terms_version ON defined_terms(version_id);
        CREATE TABLE IF NOT EXISTS document_access (
            document_id  TEXT NOT NULL REFERENCES documents(id),
            principal    TEXT NOT NULL,
            PRIMARY KEY (principal, document_id)
        ) WITHOUT ROWID;
        CREATE VIRTUAL TABLE IF NOT EXISTS clauses_fts USING fts5(
            text, heading, content='clauses', content_rowid='id',
            tokenize='{Tokenizer}');
        {Lengths}
        {Vectors}
        """;
}
