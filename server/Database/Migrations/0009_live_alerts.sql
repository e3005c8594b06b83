-- Live updates and alerts (docs/live.md).

-- The live change log: every change of a region's figures and every alert transition, written
-- in the same transaction as the change itself (an outbox). Writers take one advisory lock
-- before appending, so seq order is commit order and "everything after seq N" is never missing
-- a late commit. Each server instance reads it after a NOTIFY on 'riskmap_live' and pushes to
-- its SignalR clients; a reconnecting client catches up from the last seq it saw.
CREATE TABLE live_change (
    seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL,
    kind      text NOT NULL CHECK (kind IN ('stats', 'alert')),
    -- The administrative unit the change is about or lies in (a site's or household's village),
    -- which decides who receives it: subscribers of this unit and of its ancestors.
    unit_code bigint NOT NULL,
    payload   jsonb NOT NULL
);
CREATE INDEX live_change_unit ON live_change (unit_code, seq);
CREATE INDEX live_change_at ON live_change (at);

-- Alerts: the scope unit for delivery, household alerts, manual resolution while the condition
-- still holds, escalation up the hierarchy, and the clear threshold the alert was raised with.
ALTER TABLE alert
    ADD COLUMN unit_code       bigint NOT NULL,
    ADD COLUMN household_id    text,
    ADD COLUMN clear_threshold double precision,
    ADD COLUMN households      integer,
    ADD COLUMN suppressed      boolean NOT NULL DEFAULT false,
    ADD COLUMN escalated_at    timestamptz,
    ADD COLUMN escalated_to    bigint,
    -- Whether the raise condition held at the last evaluation (a pending alert is raised only then).
    ADD COLUMN holds           boolean NOT NULL DEFAULT true,
    ADD CONSTRAINT alert_subject_kind CHECK (subject_kind IN ('unit', 'site', 'household', 'region'));
DROP INDEX alert_open_one;
CREATE UNIQUE INDEX alert_open_one ON alert (rule, subject_kind, subject_id, coalesce(household_id, ''))
    WHERE state <> 'resolved';
-- "Resolved by hand while the condition held": no new alert until the condition clears.
CREATE INDEX alert_suppressed ON alert (rule, subject_kind, subject_id) WHERE suppressed;
CREATE INDEX alert_unit_state ON alert (unit_code, state);
CREATE INDEX alert_open_due ON alert (state, opened_at) WHERE state IN ('pending', 'raised');

ALTER TABLE alert_event ADD COLUMN version bigint NOT NULL DEFAULT 1;

-- The messages clients receive, built in one place: a subject's figures (UnitStatsChanged) and an
-- alert (AlertRaised / AlertUpdated / AlertResolved), as the JSON the hub sends (docs/live.md).
CREATE VIEW stats_message AS
SELECT s.subject_kind, s.subject_id,
       CASE WHEN s.subject_kind = 'site' THEN rs.village_code ELSE s.subject_id END AS unit_code,
       jsonb_build_object(
           'kind', s.subject_kind,
           'id', s.subject_id::text,
           'name', coalesce(u.name, rs.name),
           'level', CASE WHEN s.subject_kind = 'site' THEN 'site'
                         ELSE (ARRAY['province', 'prefecture', 'county', 'township', 'village'])[u.level] END,
           'unitCode', (CASE WHEN s.subject_kind = 'site' THEN rs.village_code ELSE s.subject_id END)::text,
           'households', s.households, 'monitored', s.monitored,
           'level1', s.level1, 'level2', s.level2, 'level3', s.level3,
           'shareAtLeastII', CASE WHEN s.households = 0 THEN 0 ELSE (s.level2 + s.level3)::float8 / s.households END,
           'shareIII', CASE WHEN s.households = 0 THEN 0 ELSE s.level3::float8 / s.households END,
           'assisted', s.assisted, 'gapShouldMonitor', s.gap_should_monitor, 'gapUnassisted', s.gap_unassisted,
           'gapShouldExit', s.gap_should_exit, 'incomeMedian', s.income_median,
           'zone', s.zone, 'scaleReturn', s.scale_return,
           'figuresVersion', s.version, 'updatedAt', s.updated_at) AS payload
FROM region_stats s
LEFT JOIN admin_unit u ON s.subject_kind = 'unit' AND u.code = s.subject_id
LEFT JOIN resettlement_site rs ON s.subject_kind = 'site' AND rs.site_id = s.subject_id
WHERE s.subject_kind IN ('unit', 'site');

CREATE VIEW alert_message AS
SELECT a.alert_id, a.unit_code, a.state,
       jsonb_build_object(
           'alertId', a.alert_id, 'rule', a.rule, 'severity', a.severity, 'state', a.state,
           'subjectKind', a.subject_kind,
           'subjectId', CASE a.subject_kind WHEN 'household' THEN a.household_id ELSE a.subject_id::text END,
           'subjectName', CASE a.subject_kind WHEN 'unit' THEN su.name WHEN 'site' THEN rs.name ELSE a.household_id END,
           'unitCode', a.unit_code::text, 'unitName', uu.name, 'countyCode', a.county_code::text,
           'metric', a.metric, 'threshold', a.threshold, 'clearThreshold', a.clear_threshold, 'households', a.households,
           'openedAt', a.opened_at, 'raisedAt', a.raised_at,
           'acknowledgedAt', a.acknowledged_at, 'acknowledgedBy', a.acknowledged_by, 'acknowledgeComment', a.ack_comment,
           'resolvedAt', a.resolved_at, 'resolvedBy', a.resolved_by, 'resolveReason', a.resolve_reason,
           'escalatedLevel', coalesce(a.escalated_level, 0), 'escalatedTo', a.escalated_to::text, 'escalatedToName', eu.name,
           'alertVersion', a.version) AS payload
FROM alert a
LEFT JOIN admin_unit su ON a.subject_kind = 'unit' AND su.code = a.subject_id
LEFT JOIN resettlement_site rs ON a.subject_kind = 'site' AND rs.site_id = a.subject_id
LEFT JOIN admin_unit uu ON uu.code = a.unit_code
LEFT JOIN admin_unit eu ON eu.code = a.escalated_to;

-- How far the log has been pruned: a client resuming from before this gets a snapshot instead
-- (a gap in seq alone is no sign of pruning: a rolled-back transaction leaves one too).
CREATE TABLE live_log_horizon (
    id             smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    pruned_through bigint NOT NULL DEFAULT 0
);
INSERT INTO live_log_horizon DEFAULT VALUES;
