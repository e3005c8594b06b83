-- A unit's figures as a UnitStatsChanged payload ($1 unit code).
SELECT payload::text FROM stats_message WHERE subject_kind = 'unit' AND subject_id = $1
