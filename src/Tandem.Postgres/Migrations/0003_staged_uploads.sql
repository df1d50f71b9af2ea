-- Uploads kept until a background job ingests them (IUploadStaging): any node's worker reads what any node received.
CREATE TABLE staged_uploads (
    staging_id  text NOT NULL,
    seq         integer NOT NULL,
    owner       text NOT NULL,
    file_name   text NOT NULL,
    content     bytea NOT NULL,
    staged_at   timestamptz NOT NULL,
    PRIMARY KEY (staging_id, seq)
);
