-- Per-unit statistics, maintained incrementally by the statistics feature and rebuilt on demand.
-- subject: 'unit' (admin_unit.code), 'site' (resettlement_site.site_id) or 'region' (saved region id).
CREATE TABLE region_stats (
    subject_kind        text NOT NULL CHECK (subject_kind IN ('unit', 'site', 'region')),
    subject_id          bigint NOT NULL,
    households          integer NOT NULL DEFAULT 0,
    monitored           integer NOT NULL DEFAULT 0,
    level1              integer NOT NULL DEFAULT 0,
    level2              integer NOT NULL DEFAULT 0,
    level3              integer NOT NULL DEFAULT 0,
    category_unstable   integer NOT NULL DEFAULT 0,
    category_marginal   integer NOT NULL DEFAULT 0,
    category_sudden     integer NOT NULL DEFAULT 0,
    -- Households per risk type key.
    risk_type_counts    jsonb NOT NULL DEFAULT '{}',
    assisted            integer NOT NULL DEFAULT 0,
    gap_should_monitor  integer NOT NULL DEFAULT 0,
    gap_unassisted      integer NOT NULL DEFAULT 0,
    gap_should_exit     integer NOT NULL DEFAULT 0,
    income_median       integer,
    -- 'red', 'yellow' or 'green' (红灯区/黄灯区/绿灯区); scale = the seeds' scale rule holds.
    zone                text NOT NULL DEFAULT 'green' CHECK (zone IN ('red', 'yellow', 'green')),
    scale_return        boolean NOT NULL DEFAULT false,
    version             bigint NOT NULL DEFAULT 0,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subject_kind, subject_id)
);

-- History: one row each time a subject's figures change, for trends and "as of" replay.
CREATE TABLE region_stats_history (
    subject_kind text NOT NULL,
    subject_id   bigint NOT NULL,
    valid_from   timestamptz NOT NULL,
    households   integer NOT NULL,
    monitored    integer NOT NULL,
    level1       integer NOT NULL,
    level2       integer NOT NULL,
    level3       integer NOT NULL,
    zone         text NOT NULL,
    scale_return boolean NOT NULL,
    PRIMARY KEY (subject_kind, subject_id, valid_from)
);

-- Alerts and their lifecycle: raised → acknowledged → resolved; every transition audited.
CREATE TABLE alert (
    alert_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule            text NOT NULL,
    subject_kind    text NOT NULL,
    subject_id      bigint NOT NULL,
    -- The county the subject lies in, for scoped delivery and co-location when sharded.
    county_code     bigint,
    severity        text NOT NULL CHECK (severity IN ('red', 'yellow')),
    state           text NOT NULL CHECK (state IN ('pending', 'raised', 'acknowledged', 'resolved')),
    metric          double precision,
    threshold       double precision,
    opened_at       timestamptz NOT NULL,
    raised_at       timestamptz,
    acknowledged_at timestamptz,
    acknowledged_by text,
    ack_comment     text,
    resolved_at     timestamptz,
    resolved_by     text,
    resolve_reason  text,
    escalated_level smallint,
    version         bigint NOT NULL DEFAULT 1
);
-- At most one open alert per rule and subject.
CREATE UNIQUE INDEX alert_open_one ON alert (rule, subject_kind, subject_id) WHERE state <> 'resolved';
CREATE INDEX alert_county_state ON alert (county_code, state);

CREATE TABLE alert_event (
    event_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id   bigint NOT NULL REFERENCES alert (alert_id),
    at         timestamptz NOT NULL,
    from_state text,
    to_state   text NOT NULL,
    actor      text NOT NULL,
    comment    text
);
CREATE INDEX alert_event_alert ON alert_event (alert_id);

-- Imports: every batch, and every rejected row with its file, line, field and reason.
CREATE TABLE import_batch (
    import_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL,
    source      text NOT NULL,
    -- sha256 of the input, so re-importing the same file is recognised and changes nothing.
    content_sha256 text NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    loaded      integer NOT NULL DEFAULT 0,
    repaired    integer NOT NULL DEFAULT 0,
    rejected    integer NOT NULL DEFAULT 0
);

CREATE TABLE import_reject (
    import_id bigint NOT NULL REFERENCES import_batch (import_id),
    line      integer NOT NULL,
    field     text,
    reason    text NOT NULL,
    raw       text,
    PRIMARY KEY (import_id, line, reason)
);
