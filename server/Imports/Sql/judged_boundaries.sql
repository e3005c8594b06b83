-- Staged boundaries that were rejected or repaired, with why.
SELECT idx, outcome, field, reason, notes, raw FROM boundary_incoming WHERE outcome <> 'loaded' ORDER BY idx
