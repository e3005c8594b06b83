-- Imports of real boundaries and household registers (docs/import-formats.md).

-- A completed import per kind and content: re-importing the same file is recognised and
-- changes nothing. Imports commit in one transaction, so a batch row is only ever seen finished.
CREATE UNIQUE INDEX import_batch_content ON import_batch (kind, content_sha256) WHERE finished_at IS NOT NULL;

-- Header columns of a households CSV that name no RiskMap column: reported, not loaded.
ALTER TABLE import_batch ADD COLUMN ignored_columns text[] NOT NULL DEFAULT '{}';

-- A row may fail on several fields with the same wording ("a number is required" for lon and
-- lat), so the field belongs to a reject's identity.
ALTER TABLE import_reject DROP CONSTRAINT import_reject_pkey;
CREATE UNIQUE INDEX import_reject_row ON import_reject (import_id, line, field, reason) NULLS NOT DISTINCT;

-- Repairs an import made (an invalid boundary made valid, a ring closed), each with its note, so
-- the data officer sees what was changed as well as what was refused.
CREATE TABLE import_repair (
    import_id bigint NOT NULL REFERENCES import_batch (import_id),
    line      integer NOT NULL,
    field     text NOT NULL,
    note      text NOT NULL,
    PRIMARY KEY (import_id, line, note)
);
