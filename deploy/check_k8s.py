"""Structure checks of deploy/k8s: what the manifests must hold beyond what the API schema says.

Probes on the health endpoints, requests and limits, a PDB and a Service per workload, processor
anti-affinity and its state dir on the volumeClaimTemplate, references that resolve, and Secrets
that hold placeholders only. Called by check.py.
"""

import yaml


def load_objects(k8s, check):
    kustomization = yaml.safe_load((k8s / "kustomization.yaml").read_text(encoding="utf-8"))
    objects = []
    for resource in kustomization["resources"]:
        if check((k8s / resource).is_file(), f"k8s: {resource} listed but missing"):
            objects += [o for o in yaml.safe_load_all((k8s / resource).read_text()) if o]
    return objects


def run(k8s, check, secret_words):
    """Checks the manifests listed in k8s/kustomization.yaml; reports through check(ok, message)."""
    objects = load_objects(k8s, check)
    by_kind = {}
    for item in objects:
        by_kind.setdefault(item["kind"], []).append(item)
    workloads = by_kind.get("StatefulSet", []) + by_kind.get("Deployment", [])
    config_maps = {c["metadata"]["name"]: c for c in by_kind.get("ConfigMap", [])}
    config_maps["tokenmeter-create-topics"] = {"data": {}}  # from configMapGenerator
    secrets = {s["metadata"]["name"] for s in by_kind.get("Secret", [])}
    check(len(by_kind.get("StatefulSet", [])) == 1 and len(by_kind.get("Deployment", [])) == 1,
          "k8s: expected one StatefulSet (processor) and one Deployment (sink)")
    for workload in workloads + by_kind.get("Job", []):
        check_pod(workload, config_maps, secrets, check)
    for workload in workloads:
        labels = workload["spec"]["template"]["metadata"]["labels"]
        name = workload["metadata"]["name"]
        check(any(p["spec"]["selector"]["matchLabels"].items() <= labels.items()
                  for p in by_kind.get("PodDisruptionBudget", [])), f"k8s: {name} has no PDB")
        check(any(s["spec"]["selector"].items() <= labels.items()
                  for s in by_kind.get("Service", [])), f"k8s: {name} has no Service")
    for processor in by_kind.get("StatefulSet", []):
        spec = processor["spec"]
        check(spec["template"]["spec"].get("affinity", {}).get("podAntiAffinity"),
              "k8s: processor has no podAntiAffinity")
        claims = [c["metadata"]["name"] for c in spec.get("volumeClaimTemplates", [])]
        mounts = {m["name"]: m["mountPath"]
                  for m in spec["template"]["spec"]["containers"][0]["volumeMounts"]}
        state_dir = config_maps["tokenmeter-processor-config"]["data"]["TOKENMETER_KAFKA_STATE_DIR"]
        check(claims and mounts.get(claims[0]) == state_dir,
              "k8s: processor state dir is not on its volumeClaimTemplate")
    for secret in by_kind.get("Secret", []):
        for key, value in (secret.get("stringData") or {}).items():
            for line in value.splitlines():
                if secret_words.search(line.split("=")[0]) and not line.startswith("#"):
                    check("CHANGE_ME" in line, f"k8s: Secret {key} holds a value that is not CHANGE_ME")


def check_pod(workload, config_maps, secrets, check):
    name = workload["metadata"]["name"]
    pod = workload["spec"]["template"]["spec"]
    for volume in pod.get("volumes", []):
        if "secret" in volume:
            check(volume["secret"]["secretName"] in secrets, f"k8s: {name} unknown Secret")
        if "configMap" in volume:
            check(volume["configMap"]["name"] in config_maps, f"k8s: {name} unknown ConfigMap")
    for container in pod["containers"]:
        for source in container.get("envFrom", []):
            check(source["configMapRef"]["name"] in config_maps, f"k8s: {name} unknown envFrom")
        resources = container.get("resources", {})
        for bound in ("requests", "limits"):
            check({"cpu", "memory"} <= set(resources.get(bound, {})), f"k8s: {name} {bound}")
        if workload["kind"] == "Job":
            continue
        # The processor's API and the sink's health endpoint default to different ports.
        port = 8082 if "sink" in name else 8080
        ports = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
        check(ports.get("http") == port, f"k8s: {name} must expose http on {port}")
        for probe, path in (("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready")):
            get = container.get(probe, {}).get("httpGet", {})
            check(get.get("path") == path and get.get("port") in ("http", port),
                  f"k8s: {name} {probe} must GET {path} on {port}")
