-- The latest reading of open alerts, stored quietly ($1 ids, $2 metrics, $3 households, $4 holds).
UPDATE alert a SET metric = k.metric, households = k.households, holds = k.holds
FROM unnest($1::bigint[], $2::float8[], $3::int[], $4::boolean[]) AS k(id, metric, households, holds)
WHERE a.alert_id = k.id
  AND (a.metric IS DISTINCT FROM k.metric OR a.households IS DISTINCT FROM k.households OR a.holds <> k.holds)
