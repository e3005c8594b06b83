-- Key assistance counties against the other counties under one unit, summed.
SELECT u.is_key_county,
       count(*)::int                             AS counties,
       coalesce(sum(s.households), 0)::int       AS households,
       coalesce(sum(s.monitored), 0)::int        AS monitored,
       coalesce(sum(s.level1), 0)::int           AS level1,
       coalesce(sum(s.level2), 0)::int           AS level2,
       coalesce(sum(s.level3), 0)::int           AS level3,
       count(*) FILTER (WHERE s.zone = 'red')::int AS red_counties,
       coalesce(sum(s.gap_should_monitor + s.gap_unassisted + s.gap_should_exit), 0)::int AS work_gaps
FROM admin_unit u
LEFT JOIN region_stats s ON s.subject_kind = 'unit' AND s.subject_id = u.code
WHERE u.level = 3 AND u.code >= $1 AND u.code < $1 + $2
GROUP BY u.is_key_county
