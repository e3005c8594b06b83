-- One row per alert transition ($1 alert ids, $2 events: raised, updated or resolved; $3 time),
-- with the alert as it now is.
INSERT INTO live_change (at, kind, unit_code, payload)
SELECT $3, 'alert', m.unit_code, m.payload || jsonb_build_object('event', k.event)
FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY AS k(id, event, n)
JOIN alert_message m ON m.alert_id = k.id
ORDER BY k.n
