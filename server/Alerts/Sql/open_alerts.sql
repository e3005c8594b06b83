-- The open alert (pending, raised or acknowledged) of each rule and subject read, and the ones
-- resolved by hand while their condition held ("suppressed"), locked for the engine's decision.
-- $1 rules, $2 subject kinds, $3 subject ids, $4 household ids ('' for none).
SELECT a.alert_id, a.rule, a.subject_kind, a.subject_id, coalesce(a.household_id, ''), a.state, a.opened_at, a.suppressed
FROM alert a
JOIN unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) AS k(rule, kind, id, household)
  ON a.rule = k.rule AND a.subject_kind = k.kind AND a.subject_id = k.id AND coalesce(a.household_id, '') = k.household
WHERE a.state <> 'resolved' OR a.suppressed
FOR UPDATE OF a
