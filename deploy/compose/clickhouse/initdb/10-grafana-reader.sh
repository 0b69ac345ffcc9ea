#!/bin/bash
# Runs once, on the first start with an empty data volume (clickhouse-server image's initdb hook).
# Grafana gets its own user that can only read tokenmeter's database: a dashboard query can never
# change or drop the tables the sink writes.
set -euo pipefail

# A ClickHouse string literal: backslashes and single quotes escaped with a backslash.
sql_string() {
  local text=${1//\\/\\\\}
  printf "'%s'" "${text//\'/\\\'}"
}

CLICKHOUSE_CLIENT=${CLICKHOUSE_CLIENT:-clickhouse client}
${CLICKHOUSE_CLIENT} --host 127.0.0.1 --user "${CLICKHOUSE_USER}" \
  --password "${CLICKHOUSE_PASSWORD}" --multiquery <<SQL
CREATE USER IF NOT EXISTS ${GRAFANA_CLICKHOUSE_USER}
  IDENTIFIED WITH sha256_password BY $(sql_string "${GRAFANA_CLICKHOUSE_PASSWORD}");
GRANT SELECT ON ${CLICKHOUSE_DB}.* TO ${GRAFANA_CLICKHOUSE_USER};
SQL
