-- The audit trail: one row per transition ($1 alerts, $2 time, $3 from, $4 to, $5 actor, $6 comment),
-- stamped with the alert's version after the transition.
INSERT INTO alert_event (alert_id, at, from_state, to_state, actor, comment, version)
SELECT k.id, $2, k.from_state, k.to_state, k.actor, k.comment, a.version
FROM unnest($1::bigint[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS k(id, from_state, to_state, actor, comment, n)
JOIN alert a ON a.alert_id = k.id
ORDER BY k.n
