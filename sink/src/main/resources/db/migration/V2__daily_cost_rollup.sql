-- Daily cost and tokens by tenant and model, maintained by a materialized view on every insert into
-- tokenmeter_priced_usage. SummingMergeTree adds up rows with the same key at merge time, so read it
-- with sum(...) GROUP BY. Caveat: the view sees inserted blocks, so an event that an upstream replay
-- delivered twice (same event_id, two Kafka offsets) is counted twice here, while the source table
-- merges it away: for audited numbers query tokenmeter_priced_usage FINAL. Sink retries are not a
-- problem: the sink inserts with deduplicate_blocks_in_dependent_materialized_views = 1, so the
-- view's block of a re-sent insert is deduplicated here too; that needs this table's own
-- non_replicated_deduplication_window (measured on ClickHouse 26.5: without it, a re-sent block was
-- dropped from the source table but counted twice here).
-- Sort key: tenant, then provider and model (low cardinality), then the day.
CREATE TABLE IF NOT EXISTS tokenmeter_daily_cost_by_tenant_model
(
    day                Date,
    tenant_id          LowCardinality(String),
    provider           LowCardinality(String),
    matched_model      LowCardinality(String),
    event_count        UInt64,
    input_tokens       Int64,
    cache_read_tokens  Int64,
    cache_write_tokens Int64,
    output_tokens      Int64,
    reasoning_tokens   Int64,
    input_cost         Decimal(38, 12),
    output_cost        Decimal(38, 12),
    total_cost         Decimal(38, 12)
)
ENGINE = SummingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (tenant_id, provider, matched_model, day)
${ttl:day}
SETTINGS non_replicated_deduplication_window = ${dedup_window};

CREATE MATERIALIZED VIEW IF NOT EXISTS tokenmeter_daily_cost_by_tenant_model_mv
TO tokenmeter_daily_cost_by_tenant_model
AS SELECT
    toDate(event_time)      AS day,
    tenant_id,
    provider,
    matched_model,
    count()                 AS event_count,
    sum(input_tokens)       AS input_tokens,
    sum(cache_read_tokens)  AS cache_read_tokens,
    sum(cache_write_tokens) AS cache_write_tokens,
    sum(output_tokens)      AS output_tokens,
    sum(reasoning_tokens)   AS reasoning_tokens,
    sum(input_cost)         AS input_cost,
    sum(output_cost)        AS output_cost,
    sum(total_cost)         AS total_cost
FROM tokenmeter_priced_usage
GROUP BY day, tenant_id, provider, matched_model;
