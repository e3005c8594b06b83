-- Median per-capita income of the relocated households of some sites.
SELECT site_id, percentile_disc(0.5) WITHIN GROUP (ORDER BY income_per_capita)
FROM household
WHERE site_id = ANY($1)
GROUP BY site_id
