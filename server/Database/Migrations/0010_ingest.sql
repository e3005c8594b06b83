-- The ingest API (docs/api.md § Ingest): idempotent requests, their rejected items, area events.

-- One row per client key that was answered: the fingerprint of the request (method, path, body)
-- and the answer, written in the transaction that wrote the data, so a replay finds either both
-- or neither. Household requests (batch, patch, assistance, visit) share one key space; events
-- have their own, keyed by the event id.
CREATE TABLE ingest_request (
    scope        text NOT NULL CHECK (scope IN ('household', 'event')),
    request_key  text NOT NULL CHECK (length(request_key) BETWEEN 1 AND 200),
    kind         text NOT NULL CHECK (kind IN ('batch', 'patch', 'assistance', 'visit', 'event')),
    fingerprint  text NOT NULL,
    status       smallint NOT NULL,
    response     text NOT NULL,
    accepted     integer NOT NULL,
    rejected     integer NOT NULL,
    at           timestamptz NOT NULL,
    PRIMARY KEY (scope, request_key)
);

-- Every rejected item of a batch with its position (JSON: 0-based item index; CSV: 1-based line),
-- the field at fault and why, and the item's text as given. The request row is written last in
-- the same transaction, hence the deferred check.
CREATE TABLE ingest_reject (
    scope       text NOT NULL,
    request_key text NOT NULL,
    item_index  integer NOT NULL,
    field       text,
    reason      text NOT NULL,
    raw         text,
    FOREIGN KEY (scope, request_key) REFERENCES ingest_request (scope, request_key) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ingest_reject_request ON ingest_reject (scope, request_key, item_index);

-- Area events: a disaster polygon with its type, severity and date, and what it marked.
CREATE TABLE area_event (
    event_id          text PRIMARY KEY CHECK (length(event_id) BETWEEN 1 AND 200),
    event_type        text NOT NULL,
    risk_type         text NOT NULL,
    -- 1 minor (一般), 2 major (较大), 3 severe (重大).
    severity          smallint NOT NULL CHECK (severity BETWEEN 1 AND 3),
    occurred_on       date NOT NULL,
    geom              geometry(MultiPolygon, 4326) NOT NULL,
    -- What was repaired in the outline as given (a ring closed, ST_MakeValid with ST_IsValidReason).
    repairs           text[] NOT NULL DEFAULT '{}',
    households_marked integer NOT NULL DEFAULT 0,
    villages_touched  bigint[] NOT NULL DEFAULT '{}',
    received_at       timestamptz NOT NULL
);
CREATE INDEX area_event_geom ON area_event USING gist (geom);
CREATE INDEX area_event_received ON area_event (received_at DESC, event_id);

-- The households an event marked, for audit and for following them up.
CREATE TABLE area_event_household (
    event_id     text NOT NULL REFERENCES area_event (event_id),
    county_code  bigint NOT NULL,
    household_id text NOT NULL,
    PRIMARY KEY (event_id, county_code, household_id)
);
