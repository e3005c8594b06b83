-- Wakes every server's relay when this transaction commits (NOTIFY is transactional).
SELECT pg_notify('riskmap_live', '')
