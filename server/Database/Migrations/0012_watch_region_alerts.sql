-- Alerts on saved watch regions (their own rules, evaluated live like any unit's): the alert
-- messages name the region.
CREATE OR REPLACE VIEW alert_message AS
SELECT a.alert_id, a.unit_code, a.state,
       jsonb_build_object(
           'alertId', a.alert_id, 'rule', a.rule, 'severity', a.severity, 'state', a.state,
           'subjectKind', a.subject_kind,
           'subjectId', CASE a.subject_kind WHEN 'household' THEN a.household_id ELSE a.subject_id::text END,
           'subjectName', CASE a.subject_kind WHEN 'unit' THEN su.name WHEN 'site' THEN rs.name WHEN 'region' THEN wr.name ELSE a.household_id END,
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
LEFT JOIN admin_unit eu ON eu.code = a.escalated_to
LEFT JOIN watch_region wr ON a.subject_kind = 'region' AND wr.region_id = a.subject_id;
