#!/usr/bin/env python3
"""Checks deploy/ without a Docker engine or a cluster; exit code 0 = all checks passed.

    python3 deploy/check.py                      # structure + schema linters where installed
    python3 deploy/check.py --require-linters    # fail if node or deploy/lint/node_modules is missing
    python3 deploy/check.py --clickhouse-url http://127.0.0.1:8123  # also run the dashboard SQL

Structure: the rules deploy/README.md promises (healthchecks, depends_on conditions, localhost
ports, named volumes, no literal secrets, probes, resources, PDBs, topic names and policies that
match the code). Schema linters: `kubectl kustomize` builds the manifests (without kubectl, the
resource files are checked as written), kubernetes-models validates them against the Kubernetes
OpenAPI schemas, dclint validates the compose file against the Compose Specification (install both
once: `npm ci --prefix deploy/lint`).
"""

import argparse
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

import check_k8s

DEPLOY = pathlib.Path(__file__).resolve().parent
ROOT = DEPLOY.parent
COMPOSE = DEPLOY / "compose" / "docker-compose.yml"
K8S = DEPLOY / "k8s"
LINT = DEPLOY / "lint"
TOPICS_JAVA = ROOT / "stream-processor/src/main/java/io/tokenmeter/processor/topology/Topics.java"
API_SETTINGS_JAVA = ROOT / "stream-processor/src/main/java/io/tokenmeter/processor/api/ApiSettings.java"
SINK_SETTINGS_JAVA = ROOT / "sink/src/main/java/io/tokenmeter/sink/config/SinkSettings.java"
MIGRATIONS = ROOT / "sink/src/main/resources/db/migration"
DASHBOARDS = DEPLOY / "compose" / "grafana" / "dashboards"
COMPACTED = {"PRICES", "BUDGETS", "BUDGET_STATE"}
SECRET_WORDS = re.compile(r"PASSWORD|SECRET|JAAS|CREDENTIAL|(^|_)TOKEN($|_)", re.IGNORECASE)

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def code_topics():
    """Topic constants of Topics.java: {"USAGE": "tokenmeter.usage.v1", ...}."""
    text = TOPICS_JAVA.read_text(encoding="utf-8")
    return dict(re.findall(r'String (\w+) = "([^"]+)"', text))


def code_port(java, constant):
    """An int constant of a Java file, e.g. ApiSettings.DEFAULT_PORT."""
    return int(re.search(rf"int {constant} = (\d+);", java.read_text(encoding="utf-8")).group(1))


def migration_tables():
    names = set()
    for sql in MIGRATIONS.glob("*.sql"):
        names.update(re.findall(r"CREATE (?:TABLE|MATERIALIZED VIEW) IF NOT EXISTS (\w+)",
                                sql.read_text(encoding="utf-8")))
    return names


def check_compose(topics):
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    services = compose["services"]
    named_volumes = set(compose.get("volumes") or {})
    for name, service in services.items():
        health = service.get("healthcheck") or {}
        one_shot = service.get("restart") == "no"
        check(health.get("test") or (one_shot and health.get("disable")),
              f"compose: {name} has no healthcheck (only a restart: 'no' one-shot may disable it)")
        for dependency, spec in (service.get("depends_on") or {}).items():
            target = services.get(dependency, {})
            wanted = ("service_completed_successfully" if target.get("restart") == "no"
                      else "service_healthy")
            check(isinstance(spec, dict) and spec.get("condition") == wanted,
                  f"compose: {name} depends_on {dependency} must use condition {wanted}")
        for port in service.get("ports") or []:
            check(str(port).startswith("127.0.0.1:"), f"compose: {name} port {port} not on 127.0.0.1")
        for mount in service.get("volumes") or []:
            source = str(mount).split(":")[0]
            if source.startswith((".", "/")):
                check(str(mount).endswith(":ro"), f"compose: {name} bind mount {mount} must be :ro")
            else:
                check(source in named_volumes, f"compose: {name} volume {source} is not declared")
        for key, value in (service.get("environment") or {}).items():
            if SECRET_WORDS.search(key):
                check(str(value).startswith("${"), f"compose: {name} {key} is a literal, use ${{...}}")
    content = compose["configs"]["sink-properties"]["content"]
    check(re.search(r"jdbc\.password=\$\{CLICKHOUSE_PASSWORD", content),
          "compose: sink properties must take the password from ${CLICKHOUSE_PASSWORD}")
    images = {name: service["image"] for name, service in services.items()}
    check("apache/kafka:${KAFKA_VERSION:-4.3.1}" == images["kafka"], "compose: kafka image")
    check(re.search(r":-7\.9\.\d+}$", images["schema-registry"]), "compose: registry not 7.9.x")
    check(re.search(r":-25\.\d+}$", images["clickhouse"]), "compose: ClickHouse not 25.x")
    sink_env = services["sink"]["environment"]
    for key, constant in [("PRICED_USAGE", "PRICED_USAGE"), ("AGGREGATES", "AGGREGATES"),
                          ("BUDGET_ALERTS", "BUDGET_ALERTS"), ("UNPRICED_USAGE", "UNPRICED_USAGE"),
                          ("DEAD_LETTERS", "DEAD_LETTERS")]:
        check(sink_env.get(f"TOKENMETER_SINK_TOPIC_{key}") == topics[constant],
              f"compose: sink topic {key} is not the processor's {topics[constant]}")
    for name, port in [("stream-processor", code_port(API_SETTINGS_JAVA, "DEFAULT_PORT")),
                       ("sink", code_port(SINK_SETTINGS_JAVA, "DEFAULT_HTTP_PORT"))]:
        probe = " ".join(services[name]["healthcheck"]["test"])
        check(f"/dev/tcp/127.0.0.1/{port}" in probe,
              f"compose: {name} healthcheck must probe its own port {port}")
    check_env_example(COMPOSE.read_text(encoding="utf-8"))


def check_env_example(compose_text):
    example = (DEPLOY / "compose" / ".env.example").read_text(encoding="utf-8")
    defined = set(re.findall(r"^([A-Z_][A-Z0-9_]*)=", example, re.MULTILINE))
    for variable in set(re.findall(r"\$\{([A-Z_][A-Z0-9_]*)", compose_text)):
        check(variable in defined, f"compose: ${{{variable}}} is not in .env.example")
    check(re.search(r"^KAFKA_CLUSTER_ID=[A-Za-z0-9_-]{22}$", example, re.MULTILINE),
          ".env.example: KAFKA_CLUSTER_ID must be 22 base64url characters (16 bytes)")


def check_topic_script(topics):
    script = (K8S / "create-topics.sh").read_text(encoding="utf-8")
    created = dict(re.findall(r"^create (\S+) \S+ (\w+)", script, re.MULTILINE))
    for constant, topic in topics.items():
        if check(topic in created, f"create-topics.sh does not create {topic}"):
            policy = "compact" if constant in COMPACTED else "delete"
            check(created[topic] == policy, f"create-topics.sh: {topic} must be {policy}")
    check(len(created) == len(topics), "create-topics.sh creates topics the code does not know")


def check_dashboards(tables):
    datasource = yaml.safe_load(
        (DEPLOY / "compose/grafana/provisioning/datasources/clickhouse.yaml").read_text())
    uid = datasource["datasources"][0]["uid"]
    queries = []
    for path in DASHBOARDS.glob("*.json"):
        dashboard = json.loads(path.read_text(encoding="utf-8"))
        for panel in dashboard["panels"]:
            for target in panel["targets"]:
                check(target["datasource"]["uid"] == uid, f"{path.name}: panel {panel['title']}")
                sql = target["rawSql"]
                for table in re.findall(r"\b(?:FROM|JOIN)\s+(\w+)", sql):
                    check(table in tables, f"{path.name}: '{panel['title']}' reads unknown {table}")
                queries.append((panel["title"], sql))
    check(queries, "no dashboard queries found")
    return queries


def kustomize_without_kubectl():
    """The kustomization's resource files as one multi-document YAML, for when kubectl is missing.

    kustomize only adds the namespace, labels, image tags and the topic-script ConfigMap to these
    files, so validating them as written still checks every field against the API schemas."""
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    documents = [(K8S / name).read_text(encoding="utf-8") for name in kustomization["resources"]]
    return "\n---\n".join(documents)


def run_linters(require):
    kubectl = shutil.which("kubectl")
    node_modules = LINT / "node_modules"
    if not node_modules.is_dir() or not shutil.which("node"):
        check(not require, "linters missing: need node and `npm ci --prefix deploy/lint`")
        print("skipped schema linters (node or deploy/lint/node_modules missing)")
        return
    if kubectl:
        built = subprocess.run([kubectl, "kustomize", str(K8S)], capture_output=True, text=True)
        if not check(built.returncode == 0, f"kubectl kustomize failed: {built.stderr.strip()}"):
            return
        manifests = built.stdout
    else:
        print("kubectl not found: validating the kustomization's resource files as written")
        manifests = kustomize_without_kubectl()
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as out:
        out.write(manifests)
    for command in (["node", str(LINT / "validate-k8s.mjs"), out.name],
                    [str(node_modules / ".bin" / "dclint"), str(COMPOSE), "-c",
                     str(LINT / "dclint.yaml"), "--max-warnings", "0", "--color", "false"]):
        result = subprocess.run(command, capture_output=True, text=True)
        print(result.stdout.strip())
        check(result.returncode == 0, f"{pathlib.Path(command[1]).name}: {result.stderr.strip()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--require-linters", action="store_true")
    parser.add_argument("--clickhouse-url", help="run migrations and dashboard SQL against it")
    args = parser.parse_args()
    topics = code_topics()
    check(len(topics) == 9, f"expected 9 topics in Topics.java, found {len(topics)}")
    check_compose(topics)
    check_topic_script(topics)
    queries = check_dashboards(migration_tables())
    check_k8s.run(K8S, check, SECRET_WORDS)
    run_linters(args.require_linters)
    if args.clickhouse_url:
        import check_sql  # only needed here; it talks HTTP to a live ClickHouse

        failures.extend(check_sql.run(args.clickhouse_url, MIGRATIONS, queries))
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"deploy/check.py: {'FAILED' if failures else 'OK'} ({len(failures)} failure(s))")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
