#!/usr/bin/env bash
# Creates tokenmeter's nine topics (names: stream-processor/.../topology/Topics.java) if they do not
# exist. Used by the compose one-shot service and by the Kubernetes Job, so both create the same
# topics. Idempotent: --if-not-exists, so it can run on every `docker compose up`.
#
# Environment:
#   BOOTSTRAP_SERVERS    Kafka bootstrap servers (required)
#   PARTITIONS           partitions of the keyed topics (default 12; see docs/scaling.md: it is
#                        the upper bound on processor instances and cannot be raised later
#                        without moving keyed state)
#   LOW_VOLUME_PARTITIONS  partitions of alerts, unpriced usage, dead letters (default 3): only
#                        the sink reads them, and every partition is one more ClickHouse insert
#                        per flush
#   GLOBAL_PARTITIONS    partitions of prices and budgets (default 1: they feed global stores,
#                        every instance reads all of them, more partitions buy nothing)
#   PRICED_RETENTION_MS  retention of priced usage (default 35 days): the longest budget period
#                        (a month) plus margin, so budget and window state can be rebuilt from it
#   REPLICATION_FACTOR   default 1 (compose, one broker); use 3 on a real cluster
#   KAFKA_BIN            folder of kafka-topics.sh (default /opt/kafka/bin, the apache/kafka image)
set -euo pipefail

: "${BOOTSTRAP_SERVERS:?set BOOTSTRAP_SERVERS, e.g. kafka:19092}"
PARTITIONS="${PARTITIONS:-12}"
LOW_VOLUME_PARTITIONS="${LOW_VOLUME_PARTITIONS:-3}"
GLOBAL_PARTITIONS="${GLOBAL_PARTITIONS:-1}"
PRICED_RETENTION_MS="${PRICED_RETENTION_MS:-3024000000}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"

# With 3 replicas, acks=all tolerates one broker down; with fewer there is nothing to require.
if [ "${REPLICATION_FACTOR}" -ge 3 ]; then MIN_ISR=2; else MIN_ISR=1; fi

create() { # name partitions cleanup-policy [extra --config values]
  local name="$1" partitions="$2" policy="$3"
  shift 3
  local extra=()
  for config in "$@"; do extra+=(--config "${config}"); done
  # Records carry the usage's event time; on deleted (not compacted) topics retention must count
  # from append time, or a backfilled old event is deleted before a lagging consumer reads it.
  if [ "${policy}" = "delete" ]; then extra+=(--config "message.timestamp.type=LogAppendTime"); fi
  "${KAFKA_BIN}/kafka-topics.sh" --bootstrap-server "${BOOTSTRAP_SERVERS}" \
    --create --if-not-exists --topic "${name}" --partitions "${partitions}" \
    --replication-factor "${REPLICATION_FACTOR}" \
    --config "cleanup.policy=${policy}" --config "min.insync.replicas=${MIN_ISR}" "${extra[@]}"
}

# The processor's inputs, keyed by tenant id: their partition count is its parallelism, and one
# tenant's events stay in order and in the task that holds its budget and window state.
create tokenmeter.usage.v1 "${PARTITIONS}" delete
create tokenmeter.priced-usage.v1 "${PARTITIONS}" delete "retention.ms=${PRICED_RETENTION_MS}"
# Outputs only the sink reads. Aggregates carry up to 9 records per priced event.
create tokenmeter.aggregates.v1 "${PARTITIONS}" delete
create tokenmeter.unpriced-usage.v1 "${LOW_VOLUME_PARTITIONS}" delete
create tokenmeter.budget-alerts.v1 "${LOW_VOLUME_PARTITIONS}" delete
create tokenmeter.dead-letters.v1 "${LOW_VOLUME_PARTITIONS}" delete
# Latest value per key is all that matters: compacted.
create tokenmeter.prices.v1 "${GLOBAL_PARTITIONS}" compact
create tokenmeter.budgets.v1 "${GLOBAL_PARTITIONS}" compact
create tokenmeter.budget-state.v1 "${LOW_VOLUME_PARTITIONS}" compact

"${KAFKA_BIN}/kafka-topics.sh" --bootstrap-server "${BOOTSTRAP_SERVERS}" --describe \
  --topics-with-overrides | grep '^Topic: tokenmeter\.' || true
echo "tokenmeter topics are in place"
