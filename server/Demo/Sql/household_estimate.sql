-- Roughly how many households there are (the planner's estimate; -1 where never analysed).
SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::float8
FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
WHERE i.inhparent = 'household'::regclass
