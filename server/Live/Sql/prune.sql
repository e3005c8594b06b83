-- Drops log rows older than $1, a bounded number per call ($2) so a long backlog never holds a
-- long lock, and moves the horizon past them.
WITH gone AS (
    DELETE FROM live_change
    WHERE seq IN (SELECT seq FROM live_change WHERE at < $1 ORDER BY seq LIMIT $2)
    RETURNING seq
)
UPDATE live_log_horizon SET pruned_through = greatest(pruned_through, (SELECT max(seq) FROM gone))
WHERE EXISTS (SELECT 1 FROM gone)
RETURNING (SELECT count(*) FROM gone)
