-- Placeholders (dollar-brace "ttl:<column>" and "dedup_window") are substituted by
-- io.tokenmeter.sink.schema.MigrationScripts before execution: the TTL clause is
-- "TTL toDateTime(<column>) + INTERVAL <retention days> DAY", or nothing when retention is 0 (the
-- default: keep everything); dedup_window is how many recent insert blocks a table remembers to drop
-- a retried block with the same insert_deduplication_token. See sink/README.md.
-- Every table carries kafka_topic/kafka_partition/kafka_offset: where the row came from, used by the
-- sink to find how far a partition is already written after a crash.

-- One row per priced LLM call (topic priced usage).
-- ReplacingMergeTree(priced_at): event_id is the producer's dedup key, so if an upstream replay
-- delivers the same event twice the merge keeps one (the latest pricing). The sink's own retries
-- never double rows: they are dropped at insert time by the dedup token.
-- Sort key: tenant first (every query filters by it; few tenants), then provider and model (low
-- cardinality, the usual GROUP BY), then time for range scans, then event_id to make the key unique.
CREATE TABLE IF NOT EXISTS tokenmeter_priced_usage
(
    event_id                      String,
    event_time                    DateTime64(3, 'UTC'),
    tenant_id                     LowCardinality(String),
    workflow_id                   Nullable(String),
    task_id                       Nullable(String),
    user_id                       Nullable(String),
    operation                     LowCardinality(Nullable(String)),
    tags                          Map(String, String),
    provider                      LowCardinality(String),
    model                         LowCardinality(String),
    event_service_tier            LowCardinality(Nullable(String)),
    region                        LowCardinality(Nullable(String)),
    latency_ms                    Nullable(Int64),
    usage_complete                Bool,
    input_tokens                  Int64,
    cache_read_tokens             Int64,
    cache_write_tokens            Int64,
    cache_write_5m_tokens         Nullable(Int64),
    cache_write_1h_tokens         Nullable(Int64),
    output_tokens                 Int64,
    reasoning_tokens              Int64,
    audio_input_tokens            Int64,
    cache_audio_read_tokens       Int64,
    audio_output_tokens           Int64,
    other_units                   Map(String, Int64),
    provider_reported_cost_usd    Nullable(Decimal(38, 12)),
    provider_request_id           Nullable(String),
    price_version_id              String,
    matched_model                 LowCardinality(String),
    service_tier                  LowCardinality(String),
    price_tenant_id               Nullable(String),
    long_context_threshold_tokens Nullable(Int64),
    cost_uncached_input           Decimal(38, 12),
    cost_cache_read               Decimal(38, 12),
    cost_cache_audio_read         Decimal(38, 12),
    cost_cache_write_5m           Decimal(38, 12),
    cost_cache_write_1h           Decimal(38, 12),
    cost_audio_input              Decimal(38, 12),
    cost_text_output              Decimal(38, 12),
    cost_reasoning                Decimal(38, 12),
    cost_audio_output             Decimal(38, 12),
    cost_request_fee              Decimal(38, 12),
    cost_other_units              Map(String, Decimal(38, 12)),
    input_cost                    Decimal(38, 12),
    output_cost                   Decimal(38, 12),
    total_cost                    Decimal(38, 12),
    priced_at                     DateTime64(3, 'UTC'),
    unpriced_since                Nullable(DateTime64(3, 'UTC')),
    kafka_topic                   LowCardinality(String),
    kafka_partition               Int32,
    kafka_offset                  Int64
)
ENGINE = ReplacingMergeTree(priced_at)
PARTITION BY toYYYYMM(event_time)
ORDER BY (tenant_id, provider, matched_model, event_time, event_id)
${ttl:event_time}
SETTINGS non_replicated_deduplication_window = ${dedup_window};

-- Windowed totals (topic aggregates). Records are UPDATES carrying the full totals so far, and the
-- one with the highest revision per key wins: ReplacingMergeTree(revision) over exactly that key.
-- Read with FINAL (or argMax by revision) until parts are merged.
-- provider, model and workflow_id are part of the key, so they are plain strings with '' for an
-- absent (null) value: a Nullable sort key needs allow_nullable_key and slows every key comparison.
-- Sort key: window_size and dimension first (3 values each, in every query's WHERE), then tenant,
-- then time, then the remaining key columns.
CREATE TABLE IF NOT EXISTS tokenmeter_usage_aggregates
(
    window_size             LowCardinality(String),
    dimension               LowCardinality(String),
    tenant_id               LowCardinality(String),
    window_start            DateTime64(3, 'UTC'),
    window_end              DateTime64(3, 'UTC'),
    provider                LowCardinality(String),
    model                   LowCardinality(String),
    workflow_id             String,
    revision                Int64,
    is_final                Bool,
    event_count             Int64,
    incomplete_usage_count  Int64,
    input_tokens            Int64,
    cache_read_tokens       Int64,
    cache_write_tokens      Int64,
    cache_write_5m_tokens   Nullable(Int64),
    cache_write_1h_tokens   Nullable(Int64),
    output_tokens           Int64,
    reasoning_tokens        Int64,
    audio_input_tokens      Int64,
    cache_audio_read_tokens Int64,
    audio_output_tokens     Int64,
    other_units             Map(String, Int64),
    cost_uncached_input     Decimal(38, 12),
    cost_cache_read         Decimal(38, 12),
    cost_cache_audio_read   Decimal(38, 12),
    cost_cache_write_5m     Decimal(38, 12),
    cost_cache_write_1h     Decimal(38, 12),
    cost_audio_input        Decimal(38, 12),
    cost_text_output        Decimal(38, 12),
    cost_reasoning          Decimal(38, 12),
    cost_audio_output       Decimal(38, 12),
    cost_request_fee        Decimal(38, 12),
    cost_other_units        Map(String, Decimal(38, 12)),
    total_cost              Decimal(38, 12),
    latency_count           Int64,
    latency_ms_sum          Int64,
    latency_ms_max          Nullable(Int64),
    updated_at              DateTime64(3, 'UTC'),
    kafka_topic             LowCardinality(String),
    kafka_partition         Int32,
    kafka_offset            Int64
)
ENGINE = ReplacingMergeTree(revision)
PARTITION BY toYYYYMM(window_start)
ORDER BY (window_size, dimension, tenant_id, window_start, provider, model, workflow_id)
${ttl:window_start}
SETTINGS non_replicated_deduplication_window = ${dedup_window};

-- Budget alerts (topic alerts). alert_id is deterministic, so a replayed alert has the same key and
-- ReplacingMergeTree(alerted_at) keeps one. Sort key: tenant, then budget (the usual filters), then
-- the period and the unique alert_id.
CREATE TABLE IF NOT EXISTS tokenmeter_budget_alerts
(
    alert_id              String,
    kind                  LowCardinality(String),
    budget_id             String,
    scope_kind            LowCardinality(String),
    tenant_id             LowCardinality(String),
    scope_workflow_id     Nullable(String),
    scope_user_id         Nullable(String),
    scope_tag_key         Nullable(String),
    scope_tag_value       Nullable(String),
    period                LowCardinality(String),
    time_zone             LowCardinality(String),
    period_start          DateTime64(3, 'UTC'),
    period_end            DateTime64(3, 'UTC'),
    mode                  LowCardinality(String),
    threshold_percent     Nullable(Int32),
    spend_usd             Decimal(38, 12),
    limit_usd             Decimal(38, 12),
    projected_spend_usd   Nullable(Decimal(38, 12)),
    triggering_event_id   String,
    triggering_event_time DateTime64(3, 'UTC'),
    alerted_at            DateTime64(3, 'UTC'),
    kafka_topic           LowCardinality(String),
    kafka_partition       Int32,
    kafka_offset          Int64
)
ENGINE = ReplacingMergeTree(alerted_at)
PARTITION BY toYYYYMM(period_start)
ORDER BY (tenant_id, budget_id, period_start, alert_id)
${ttl:period_start}
SETTINGS non_replicated_deduplication_window = ${dedup_window};

-- Usage waiting for a price (topic unpriced). The processor re-emits an event on each retry with a
-- later last_attempt_at: ReplacingMergeTree(last_attempt_at) keeps the latest attempt per event.
-- An event is "still waiting" while its event_id has no row in tokenmeter_priced_usage.
-- Sort key: tenant, provider, model (what a person filters by to find the missing price), then the
-- event's fixed time and id.
CREATE TABLE IF NOT EXISTS tokenmeter_unpriced_usage
(
    event_id                   String,
    event_time                 DateTime64(3, 'UTC'),
    tenant_id                  LowCardinality(String),
    workflow_id                Nullable(String),
    task_id                    Nullable(String),
    user_id                    Nullable(String),
    operation                  LowCardinality(Nullable(String)),
    tags                       Map(String, String),
    provider                   LowCardinality(String),
    model                      LowCardinality(String),
    event_service_tier         LowCardinality(Nullable(String)),
    region                     LowCardinality(Nullable(String)),
    latency_ms                 Nullable(Int64),
    usage_complete             Bool,
    input_tokens               Int64,
    cache_read_tokens          Int64,
    cache_write_tokens         Int64,
    cache_write_5m_tokens      Nullable(Int64),
    cache_write_1h_tokens      Nullable(Int64),
    output_tokens              Int64,
    reasoning_tokens           Int64,
    audio_input_tokens         Int64,
    cache_audio_read_tokens    Int64,
    audio_output_tokens        Int64,
    other_units                Map(String, Int64),
    provider_reported_cost_usd Nullable(Decimal(38, 12)),
    provider_request_id        Nullable(String),
    reason                     LowCardinality(String),
    reason_message             String,
    first_seen                 DateTime64(3, 'UTC'),
    last_attempt_at            DateTime64(3, 'UTC'),
    kafka_topic                LowCardinality(String),
    kafka_partition            Int32,
    kafka_offset               Int64
)
ENGINE = ReplacingMergeTree(last_attempt_at)
PARTITION BY toYYYYMM(event_time)
ORDER BY (tenant_id, provider, model, event_time, event_id)
${ttl:event_time}
SETTINGS non_replicated_deduplication_window = ${dedup_window};

-- Records nobody could process: from the dead-letter topic (stage stream-processor/...) and rows the
-- sink itself could not decode, map or insert (stage sink/...). Plain MergeTree: every failure is
-- kept. Key and value bytes are hex so they survive any client (unhex() gives the bytes back).
-- Sort key: stage and reason first (few values, what a person filters by), then time.
CREATE TABLE IF NOT EXISTS tokenmeter_dead_letters
(
    original_topic     LowCardinality(String),
    original_partition Int32,
    original_offset    Int64,
    original_timestamp Nullable(DateTime64(3, 'UTC')),
    key_hex            Nullable(String),
    value_hex          Nullable(String),
    reason             LowCardinality(String),
    reason_message     String,
    stage              LowCardinality(String),
    exception_class    Nullable(String),
    failed_at          DateTime64(3, 'UTC'),
    kafka_topic        LowCardinality(String),
    kafka_partition    Int32,
    kafka_offset       Int64
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(failed_at)
ORDER BY (stage, reason, failed_at)
${ttl:failed_at}
SETTINGS non_replicated_deduplication_window = ${dedup_window};
