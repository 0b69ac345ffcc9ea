// Validates Kubernetes objects (a multi-document YAML file, e.g. `kubectl kustomize deploy/k8s`)
// against the Kubernetes API's OpenAPI schemas bundled in the kubernetes-models package: no
// cluster and no network needed. Exit code 0 = every object valid, 1 = at least one is not.
// Usage: node validate-k8s.mjs FILE
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate-k8s.mjs FILE");
  process.exit(2);
}

// apiVersion "apps/v1" -> module folder "apps/v1"; the core group "v1" -> "v1".
async function modelFor(apiVersion, kind) {
  const path = `kubernetes-models/${apiVersion}/${kind}`;
  try {
    const module = await import(path);
    return module[kind];
  } catch (error) {
    throw new Error(`no schema for ${apiVersion} ${kind} (${path}): ${error.message}`);
  }
}

let failures = 0;
let checked = 0;
for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
  if (document.errors.length > 0) {
    console.error(`YAML error: ${document.errors[0].message}`);
    failures++;
    continue;
  }
  const object = document.toJS();
  if (object === null) {
    continue;
  }
  const name = `${object.kind}/${object.metadata?.name}`;
  try {
    const Model = await modelFor(object.apiVersion, object.kind);
    new Model(object).validate();
    checked++;
  } catch (error) {
    failures++;
    console.error(`INVALID ${name}: ${error.message}`);
  }
}
console.log(`${checked} Kubernetes object(s) valid, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
