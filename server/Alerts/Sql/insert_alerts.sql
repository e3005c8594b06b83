-- New alerts, pending or raised at once, many in one statement (a batch of households can open
-- hundreds): parallel arrays, one element an alert ($1 rules, $2 subject kinds, $3 subject ids,
-- $4 household ids ('' for none), $5 unit codes, $6 counties, $7 severities, $8 states, $9 metrics,
-- $10 thresholds, $11 clear thresholds, $12 households, $13 holds), $14 the time. Answers each new
-- id with its rule and subject, so the caller matches them whatever the order.
INSERT INTO alert (rule, subject_kind, subject_id, household_id, unit_code, county_code, severity, state,
                   metric, threshold, clear_threshold, households, holds, opened_at, raised_at)
SELECT rule, kind, id, nullif(household, ''), unit, county, severity, state, metric, threshold, clear_threshold,
       households, holds, $14, CASE WHEN state = 'raised' THEN $14 END
FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::text[],
            $9::float8[], $10::float8[], $11::float8[], $12::int[], $13::boolean[])
     WITH ORDINALITY AS k(rule, kind, id, household, unit, county, severity, state, metric, threshold, clear_threshold, households, holds, n)
ORDER BY n
RETURNING alert_id, rule, subject_kind, subject_id, coalesce(household_id, '')
