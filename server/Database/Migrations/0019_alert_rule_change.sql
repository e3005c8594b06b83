-- The alert rules administrators change while the server runs (PATCH /api/admin/alert-rules):
-- one row per change, holding the whole rule set in force after it, who changed it, when and
-- why, and how many alert transitions applying it made at once. The newest row is in force; with
-- none, configuration (Alerts:*) is. Rows are never updated or deleted: they are the trail.
CREATE TABLE alert_rule_change (
    version     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    comment     text NOT NULL CHECK (length(comment) BETWEEN 1 AND 2000),
    rules       jsonb NOT NULL,
    transitions integer NOT NULL CHECK (transitions >= 0)
);
