"""Runs the sink's migrations and every Grafana dashboard query against a live ClickHouse.

Used by `check.py --clickhouse-url URL` (a real server, or the embedded one:
`io.tokenmeter.embedded.clickhouse.Main --data-dir DIR --port 8123`). It works in a fresh
database of its own, writes a few rows, and compares the spend panel's answer with the exact
decimal sum it expects, so a dashboard that parses but adds the wrong rows still fails.
"""

import re
import time
import urllib.error
import urllib.parse
import urllib.request

# Two rows share an event_id (an upstream replay); FINAL must count it once.
PRICED_ROWS = [
    ("e-1", "tenant-a", "0.000000000001"),
    ("e-2", "tenant-a", "1.250000000000"),
    ("e-2", "tenant-a", "1.250000000000"),
    ("e-3", "tenant-b", "2.000000000009"),
]
EXPECTED_SPEND = "3.25000000001"  # e-1 + e-2 + e-3, ClickHouse prints trailing zeros trimmed
TENANTS = ("tenant-a", "tenant-b")


def post(url, sql, database=None):
    query = {"database": database} if database else {}
    request = urllib.request.Request(
        url.rstrip("/") + "/?" + urllib.parse.urlencode(query),
        data=sql.encode("utf-8"),
        headers={"X-ClickHouse-Format": "TabSeparated"},
        method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        raise RuntimeError(error.read().decode("utf-8", "replace").strip()[:300]) from error


def statements(migration_text):
    """Migration text to statements: comments dropped, placeholders as the sink fills them."""
    text = "\n".join(line for line in migration_text.splitlines()
                     if not line.lstrip().startswith("--"))
    text = re.sub(r"\$\{ttl:\w+\}", "", text).replace("${dedup_window}", "1000")
    return [s.strip() for s in text.split(";") if s.strip()]


def expand_macros(sql, start, end):
    """The grafana-clickhouse-datasource macros the dashboards use, as the plugin expands them."""
    sql = re.sub(r"\$__timeFilter\((\w+)\)",
                 rf"\1 >= toDateTime({start}) AND \1 <= toDateTime({end})", sql)
    sql = re.sub(r"\$__timeInterval\((\w+)\)",
                 r"toStartOfInterval(toDateTime(\1), INTERVAL 60 second)", sql)
    sql = sql.replace("$__fromTime", f"toDateTime({start})")
    sql = sql.replace("$__toTime", f"toDateTime({end})")
    return sql.replace("${tenant:singlequote}", ",".join(f"'{t}'" for t in TENANTS))


def seed(url, database):
    # One fixed time for every row: now64() in VALUES is evaluated per row, and a replayed event
    # must have the same sort key (event_time included) to be merged away by FINAL.
    event_ms = (int(time.time()) - 3600) * 1000
    event_time = f"fromUnixTimestamp64Milli({event_ms}, 'UTC')"
    values = ",".join(
        f"('{event}', {event_time}, '{tenant}', 'openai', 'gpt-x', 'gpt-x', "
        f"toDecimal128('{cost}', 12), {event_time}, 'tokenmeter.priced-usage.v1', 0, {offset})"
        for offset, (event, tenant, cost) in enumerate(PRICED_ROWS))
    post(url, "INSERT INTO tokenmeter_priced_usage (event_id, event_time, tenant_id, provider, "
              "model, matched_model, total_cost, priced_at, kafka_topic, kafka_partition, "
              f"kafka_offset) VALUES {values}", database)
    # Two revisions of one hourly and one minute window: FINAL must keep the higher revision.
    hour_ms = event_ms // 3_600_000 * 3_600_000
    minute_ms = event_ms // 60_000 * 60_000
    aggregates = ",".join(
        f"('{size}', 'TENANT', 'tenant-a', fromUnixTimestamp64Milli({start}, 'UTC'), "
        f"fromUnixTimestamp64Milli({start + length}, 'UTC'), {revision}, {count}, "
        f"toDecimal128('{cost}', 12), {event_time})"
        for size, start, length in (("HOUR", hour_ms, 3_600_000), ("MINUTE", minute_ms, 60_000))
        for revision, count, cost in ((1, 1, "1.0"), (2, 2, "1.25")))
    post(url, "INSERT INTO tokenmeter_usage_aggregates (window_size, dimension, tenant_id, "
              "window_start, window_end, revision, event_count, total_cost, updated_at) "
              f"VALUES {aggregates}", database)


def run(url, migrations_dir, queries):
    """Returns failure messages; an empty list means every query ran and the spend matched."""
    failures = []
    database = f"tokenmeter_deploy_check_{int(time.time())}"
    post(url, f"CREATE DATABASE {database}")
    try:
        list_file = (migrations_dir / "migrations.list").read_text(encoding="utf-8")
        for name in [l.strip() for l in list_file.splitlines() if l.strip().startswith("V")]:
            for statement in statements((migrations_dir / name).read_text(encoding="utf-8")):
                post(url, statement, database)
        seed(url, database)
        end = int(time.time()) + 60
        start = end - 86_400
        for title, sql in queries:
            try:
                answer = post(url, expand_macros(sql, start, end), database).strip()
            except RuntimeError as error:
                failures.append(f"dashboard SQL '{title}' failed: {error}")
                continue
            print(f"ok   {title}: {answer.splitlines()[:1]}")
            if title.startswith("Spend in range") and answer != EXPECTED_SPEND:
                failures.append(f"'{title}' answered {answer}, expected {EXPECTED_SPEND}")
            if title == "Priced events" and answer != "3":
                failures.append(f"'{title}' answered {answer}, expected 3 (FINAL dedup)")
            if title.startswith("Spend per tenant") and not answer.endswith("\ttenant-a\t1.25"):
                failures.append(f"'{title}' answered {answer!r}, expected tenant-a 1.25")
            if title == "Events per minute" and not answer.endswith("\t2"):
                failures.append(f"'{title}' answered {answer!r}, expected 2 (highest revision)")
    finally:
        post(url, f"DROP DATABASE IF EXISTS {database}")
    return failures
