-- Rows (all zeros) for subjects of one kind ($1) that have none yet ($2), in code order, before
-- they are locked for a read-modify-write: two writers adding the first households of a unit at
-- once would otherwise both start from zeros (no row to lock) and the second's upsert would
-- overwrite the first's. Inserting waits for the other's uncommitted row, then the lock sees it.
INSERT INTO region_stats (subject_kind, subject_id)
SELECT $1, id FROM unnest($2::bigint[]) AS id ORDER BY id
ON CONFLICT (subject_kind, subject_id) DO NOTHING
