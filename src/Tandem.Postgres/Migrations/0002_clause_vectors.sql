-- Schema 2: clause embeddings (IClauseVectorStore), the SQLite store's two tables. clause_hashes
-- gives each current clause the hash of its text (ClauseText.HashOf, computed in SQL by the
-- embedding pass, not at ingest); clause_vectors holds one vector per (model, text hash), its
-- values rounded to float16 as the SQLite store keeps them, so both stores hand out and rank the
-- same numbers. real[] works on every server; where the pgvector extension is installed, HNSW
-- indexes are built at run time over this same column cast to vector(n) (VectorExtension.cs), so
-- this script runs on servers without pgvector and no second copy of a vector is kept.
-- The id orders the vectors as they were committed (saves hold an advisory lock): the cursor
-- of a reader that keeps vectors in memory.

CREATE TABLE clause_hashes (
    clause  bigint PRIMARY KEY REFERENCES clauses (id),
    hash    text NOT NULL
);
CREATE INDEX ix_clause_hashes_hash ON clause_hashes (hash);

CREATE TABLE clause_vectors (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model   text NOT NULL,
    hash    text NOT NULL,
    vector  real[] NOT NULL,
    UNIQUE (model, hash)
);
