namespace Tandem.Store;

/// <summary>The SQLite schema; <c>PRAGMA user_version</c> records which one a file has.</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS documents (
            id               TEXT PRIMARY KEY,
            source           TEXT NOT NULL UNIQUE,
            title            TEXT NOT NULL,
            media_type       TEXT NOT NULL,
            current_version  INTEGER NOT NULL,
            current_version_id INTEGER NOT NULL,
            created_at       TEXT NOT NULL,
            updated_at       TEXT NOT NULL,
            retired_at       TEXT NULL
        );
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
            tokenize='porter unicode61 remove_diacritics 2');
        """;
}
