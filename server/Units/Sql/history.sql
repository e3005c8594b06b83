-- A unit's figures over time within [$2, $3), oldest first, at most $4 points. A period with no
-- more changes than that gives every one of them (one row per change). A busier one, from its first
-- change to $3, is cut into $4 equal slices and gives, for each, the figures at its end (the last
-- change before it ends): the whole period still shows, ending at its last change, in $4 index
-- probes rather than a read of every change (a busy prefecture changes several times a second).
WITH counted AS (
    SELECT count(*) AS n
    FROM (SELECT 1 FROM region_stats_history
          WHERE subject_kind = 'unit' AND subject_id = $1 AND valid_from >= $2 AND valid_from < $3
          LIMIT $4 + 1) x
), first AS (
    SELECT valid_from AS at FROM region_stats_history
    WHERE subject_kind = 'unit' AND subject_id = $1 AND valid_from >= $2 AND valid_from < $3
    ORDER BY valid_from
    LIMIT 1
)
SELECT valid_from, households, monitored, level1, level2, level3, zone, scale_return
FROM region_stats_history
WHERE subject_kind = 'unit' AND subject_id = $1 AND valid_from >= $2 AND valid_from < $3
  AND (SELECT n FROM counted) <= $4
UNION ALL
SELECT DISTINCT ON (h.valid_from) h.*
FROM generate_series(1, $4) AS s(i)
CROSS JOIN LATERAL (
    SELECT valid_from, households, monitored, level1, level2, level3, zone, scale_return
    FROM region_stats_history
    WHERE subject_kind = 'unit' AND subject_id = $1 AND valid_from >= $2
      AND valid_from < (SELECT at FROM first) + ($3 - (SELECT at FROM first)) * (s.i::double precision / $4)
    ORDER BY valid_from DESC
    LIMIT 1
) h
WHERE (SELECT n FROM counted) > $4
ORDER BY valid_from
