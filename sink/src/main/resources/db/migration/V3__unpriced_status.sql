-- Whether an unpriced event is still waiting (topic unpriced). When a parked event is priced later,
-- the processor writes one more record for it on the unpriced topic with the Kafka header
-- tokenmeter.unpriced.status = RESOLVED (and tokenmeter.price-version-id); earlier records say
-- UNPRICED, and records of older processors carry no header (the sink stores them as UNPRICED).
-- The RESOLVED record has the latest last_attempt_at of the event (the time it was priced), so the
-- table's existing ReplacingMergeTree(last_attempt_at) keeps it: read with FINAL and
-- WHERE status = 'UNPRICED' to get what is really waiting. On a tie of last_attempt_at the row
-- inserted last wins, and the RESOLVED record always comes later on the same Kafka partition.
-- Columns are added in place (not a new table with another version column): the table keeps its
-- sort key, its rows, and the insert_deduplication_token log of the sink's batches, so a batch
-- re-sent across the upgrade is still dropped. Rows written before this migration read 'UNPRICED'
-- (the default) even if their event was priced since; see docs/analytics.md section 9.
-- AFTER last_attempt_at: the Kafka source columns stay last, as the sink's RowBinary path expects.
ALTER TABLE tokenmeter_unpriced_usage
    ADD COLUMN IF NOT EXISTS status LowCardinality(String) DEFAULT 'UNPRICED' AFTER last_attempt_at,
    ADD COLUMN IF NOT EXISTS resolved_at Nullable(DateTime64(3, 'UTC')) AFTER status,
    ADD COLUMN IF NOT EXISTS resolved_price_version_id Nullable(String) AFTER resolved_at;
