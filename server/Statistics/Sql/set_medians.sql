-- Store recomputed medians; a changed median is a change of figures (new version). The second
-- reference to region_stats (o) reads the values from before this update. The stale mark is cleared
-- only where the row is the one read before the median was computed ($5, its xmin): a household
-- write since then may have moved the median again, so its mark stays for the next pass.
UPDATE region_stats s SET
    income_median = m.median,
    version = s.version + CASE WHEN o.income_median IS DISTINCT FROM m.median THEN 1 ELSE 0 END,
    updated_at = CASE WHEN o.income_median IS DISTINCT FROM m.median THEN $4 ELSE s.updated_at END,
    median_stale = s.median_stale AND s.xmin::text IS DISTINCT FROM m.seen
FROM unnest($1::text[], $2::bigint[], $3::int[], $5::text[]) AS m(kind, id, median, seen), region_stats o
WHERE s.subject_kind = m.kind AND s.subject_id = m.id
  AND o.subject_kind = m.kind AND o.subject_id = m.id
RETURNING s.subject_kind, s.subject_id, s.income_median, s.version, o.income_median IS DISTINCT FROM m.median
