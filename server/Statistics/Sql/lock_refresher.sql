-- One median refresher at a time across servers on this database, for this transaction; false when
-- another holds it (that one does the work).
SELECT pg_try_advisory_xact_lock(hashtext('riskmap.medians'))
