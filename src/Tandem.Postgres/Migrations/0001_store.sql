-- Tandem's store on PostgreSQL, schema 1: the knowledge base (documents, versions, clauses and
-- their keyword index, access lists and their history) and the tables kept beside it (reports,
-- corrections, examples, the model registry, the usage ledger, API keys). The same tables as the
-- SQLite store, with PostgreSQL's types: timestamptz for time, text[] for token lists, jsonb for
-- records kept whole.

CREATE TABLE documents (
    id                 text PRIMARY KEY,
    source             text NOT NULL,
    title              text NOT NULL,
    media_type         text NOT NULL,
    current_version    integer NOT NULL,
    current_version_id bigint NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    retired_at         timestamptz NULL
);
CREATE INDEX ix_documents_source ON documents (source);
-- The change feed's cursor is max(updated_at).
CREATE INDEX ix_documents_updated ON documents (updated_at);

CREATE TABLE access_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id  text NOT NULL,
    at           timestamptz NOT NULL,
    by           text NOT NULL,
    old_access   text[] NOT NULL,
    new_access   text[] NOT NULL
);
CREATE INDEX ix_access_events_document ON access_events (document_id, id);

CREATE TABLE versions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id   text NOT NULL REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
    version       integer NOT NULL,
    content_hash  text NOT NULL,
    byte_size     bigint NOT NULL,
    text          text NOT NULL,
    ingested_by   text NOT NULL,
    ingested_at   timestamptz NOT NULL,
    UNIQUE (document_id, version)
);

-- terms: the clause's index terms (text and heading, tokenized as the SQLite store's FTS5 index
-- tokenizes them) with their BM25 frequency; tokens: its length for BM25. See ClauseTerms.cs.
CREATE TABLE clauses (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    clause_id    text NOT NULL,
    version_id   bigint NOT NULL REFERENCES versions (id),
    document_id  text NOT NULL,
    ordinal      integer NOT NULL,
    path         text NOT NULL,
    heading      text NULL,
    kind         text NOT NULL,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    text         text NOT NULL,
    tokens       integer NOT NULL,
    terms        tsvector NOT NULL
);
CREATE INDEX ix_clauses_version ON clauses (version_id, ordinal);
CREATE INDEX ix_clauses_terms ON clauses USING gin (terms);

-- A version's clause and token totals, summed over what a caller may read to get BM25's row count and average length.
CREATE TABLE version_lengths (
    version_id  bigint PRIMARY KEY REFERENCES versions (id),
    clauses     integer NOT NULL,
    tokens      bigint NOT NULL
);

CREATE TABLE defined_terms (
    version_id     bigint NOT NULL REFERENCES versions (id),
    term           text NOT NULL,
    start_offset   integer NOT NULL,
    clause_ordinal integer NOT NULL
);
CREATE INDEX ix_terms_version ON defined_terms (version_id);

CREATE TABLE document_access (
    document_id  text NOT NULL REFERENCES documents (id),
    principal    text NOT NULL,
    PRIMARY KEY (principal, document_id)
);
CREATE INDEX ix_document_access_document ON document_access (document_id);

CREATE TABLE reports (
    id            text PRIMARY KEY,
    document_id   text NOT NULL,
    version       integer NOT NULL,
    model         text NOT NULL,
    requested_by  text NOT NULL,
    created_at    timestamptz NOT NULL,
    report        jsonb NOT NULL,
    context       jsonb NULL
);
CREATE INDEX ix_reports_document ON reports (document_id);

-- seq keeps insertion order, which listings follow (SQLite's rowid).
CREATE TABLE examples (
    seq                bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id                 text PRIMARY KEY,
    task               text NOT NULL,
    input              text NOT NULL,
    category           text NOT NULL,
    severity           text NOT NULL,
    rationale          text NOT NULL,
    provenance         text NOT NULL,
    sources            text[] NOT NULL,
    access             text[] NOT NULL,
    author             text NOT NULL,
    created_at         timestamptz NOT NULL,
    reviewed           boolean NOT NULL,
    near_duplicate_of  text NULL,
    quote              text NULL,
    side               text NULL,
    favours            text NULL
);
CREATE INDEX ix_examples_category ON examples (category);

CREATE TABLE example_reviews (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    example_id  text NOT NULL,
    accepted    boolean NOT NULL,
    reviewer    text NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX ix_example_reviews_example ON example_reviews (example_id, seq);

CREATE TABLE corrections (
    seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id           text PRIMARY KEY,
    report_id    text NOT NULL,
    document_id  text NOT NULL,
    version      integer NOT NULL,
    finding      integer NULL,
    kind         text NOT NULL,
    clause_id    text NOT NULL,
    clause_path  text NOT NULL,
    clause_text  text NOT NULL,
    original     jsonb NULL,
    category     text NULL,
    severity     text NULL,
    rationale    text NULL,
    quote        text NULL,
    note         text NULL,
    author       text NOT NULL,
    created_at   timestamptz NOT NULL,
    example_id   text NOT NULL
);
CREATE INDEX ix_corrections_report ON corrections (report_id);
CREATE INDEX ix_corrections_document ON corrections (document_id);

CREATE TABLE model_registry (
    seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id            text PRIMARY KEY,
    backend       text NOT NULL,
    base_model    text NOT NULL,
    location      text NOT NULL,
    dataset_hash  text NOT NULL,
    created_at    timestamptz NOT NULL,
    scores        jsonb NULL,
    status        text NOT NULL,
    parent        text NULL,
    note          text NULL,
    audience      text[] NOT NULL,
    endpoint      jsonb NULL
);
-- At most one champion per backend, whatever races between nodes.
CREATE UNIQUE INDEX ux_model_registry_champion ON model_registry (backend) WHERE status = 'Champion';

CREATE TABLE retrain_decisions (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL,
    backend    text NOT NULL,
    due        boolean NOT NULL,
    reason     text NOT NULL,
    job        text NULL,
    requester  text NULL,
    audience   text[] NOT NULL
);

-- Costs are numeric so sums are exact.
CREATE TABLE usage_ledger (
    seq                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                   timestamptz NOT NULL,
    model_name           text NOT NULL,
    model_id             text NOT NULL,
    operation            text NOT NULL,
    input_tokens         bigint NOT NULL,
    cached_input_tokens  bigint NOT NULL,
    output_tokens        bigint NOT NULL,
    latency_ms           double precision NOT NULL,
    cost_usd             numeric NULL,
    succeeded            boolean NOT NULL,
    strategy             text NULL,
    example_tokens       bigint NOT NULL,
    user_id              text NULL
);
CREATE INDEX ix_usage_ledger_at ON usage_ledger (at);

CREATE TABLE api_keys (
    key_id        text PRIMARY KEY,
    secret_hash   bytea NOT NULL,
    user_id       text NOT NULL,
    groups        text[] NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NULL,
    revoked_at    timestamptz NULL,
    last_used_at  timestamptz NULL
);
