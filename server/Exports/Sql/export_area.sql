-- The area a households export covers ($1 first and $2 last code), for households_csv.sql, for
-- this transaction only; and how many households it holds.
SELECT set_config('riskmap.export_first', $1::text, true), set_config('riskmap.export_last', $2::text, true),
       (SELECT count(*) FROM household WHERE village_code BETWEEN $1 AND $2)
