-- Serialises appends to live_change until the transaction ends, so seq order is commit order:
-- a reader that has seen seq N will never later find a committed row below N.
SELECT pg_advisory_xact_lock(hashtext('riskmap.live'))
