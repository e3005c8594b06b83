-- Deletes a saved region, its rules (cascade) and its figures and their history; the count of
-- regions deleted (0: no such region). $1 region id.
WITH gone AS (
    -- the region itself
    DELETE FROM watch_region WHERE region_id = $1 RETURNING region_id
), figures AS (
    -- its figures
    DELETE FROM region_stats s USING gone g WHERE s.subject_kind = 'region' AND s.subject_id = g.region_id
), history AS (
    -- and their history
    DELETE FROM region_stats_history h USING gone g WHERE h.subject_kind = 'region' AND h.subject_id = g.region_id
)
SELECT count(*)::int FROM gone
