-- The answer already given to a key ($1 scope, $2 key), with the fingerprint of that request.
SELECT fingerprint, status, response, at FROM ingest_request WHERE scope = $1 AND request_key = $2
