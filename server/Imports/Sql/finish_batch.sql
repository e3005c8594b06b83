-- Counts of a finished import.
UPDATE import_batch
   SET finished_at = $2, loaded = $3, repaired = $4, rejected = $5, ignored_columns = $6
 WHERE import_id = $1
