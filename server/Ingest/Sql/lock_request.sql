-- Requests with the same key run one at a time (the lock ends with the transaction), so a replay
-- sent while the first is still running waits for it and then finds its answer.
SELECT pg_advisory_xact_lock(hashtextextended('ingest:' || $1 || ':' || $2, 0))
