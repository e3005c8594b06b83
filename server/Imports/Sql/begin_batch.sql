-- Imports of the same kind and content run one at a time (the lock ends with the transaction),
-- so a repeat waits for the first to commit and then finds it here.
SELECT pg_advisory_xact_lock(hashtextextended('import:' || $1 || ':' || $2, 0));
