-- Income medians are recomputed off the write path: a household change marks the regions it
-- touches, and the median refresher recomputes the marked ones in the background.
ALTER TABLE region_stats ADD COLUMN median_stale boolean NOT NULL DEFAULT false;
CREATE INDEX region_stats_median_stale ON region_stats (subject_kind, subject_id) WHERE median_stale;
