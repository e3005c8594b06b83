-- A request answered: written last, in the transaction that wrote its data.
INSERT INTO ingest_request (scope, request_key, kind, fingerprint, status, response, accepted, rejected, at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
