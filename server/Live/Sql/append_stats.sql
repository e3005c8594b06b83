-- One UnitStatsChanged row per subject whose figures this transaction changed, built from the
-- figures just saved ($1 kinds, $2 ids, $3 time).
INSERT INTO live_change (at, kind, unit_code, payload)
SELECT $3, 'stats', m.unit_code, m.payload
FROM unnest($1::text[], $2::bigint[]) AS k(kind, id)
JOIN stats_message m ON m.subject_kind = k.kind AND m.subject_id = k.id
WHERE m.unit_code IS NOT NULL
ORDER BY k.kind, k.id
