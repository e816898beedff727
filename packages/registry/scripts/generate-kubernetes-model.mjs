#!/usr/bin/env node
// Generates src/kubernetes/generated/kubernetes-model.json from the Kubernetes OpenAPI types that @kubernetes/client-node ships.
// Usage: node scripts/generate-kubernetes-model.mjs [--out <file>]
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readApiResources } from "./kubernetes-openapi/api-resources.mjs";
import {
  buildClassSchemas,
  checkQuantityFields,
  SHARED_DEFINITIONS,
  VERSION_PREFIX,
} from "./kubernetes-openapi/model-schemas.mjs";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_OUT = join(packageDir, "src/kubernetes/generated/kubernetes-model.json");

async function clientPackage() {
  const entry = createRequire(join(packageDir, "package.json")).resolve("@kubernetes/client-node");
  const root = resolve(dirname(entry), "..");
  const { version } = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
  return { version, genDir: join(root, "dist/gen") };
}

/** The root of a kind's schema: its class, with apiVersion and kind pinned to the values this kind takes. */
function kindSchema(classSchema, resource, kind, apiVersion) {
  const properties = { ...classSchema.properties };
  if (properties.apiVersion) properties.apiVersion = { ...properties.apiVersion, const: apiVersion };
  if (properties.kind) properties.kind = { ...properties.kind, const: kind };
  return {
    ...classSchema,
    properties,
    "x-kubernetes-group-version-kind": [{ group: resource.group, version: resource.version, kind }],
  };
}

export async function generateKubernetesModel() {
  const client = await clientPackage();
  const modelsDir = join(client.genDir, "models");
  await checkQuantityFields(modelsDir);
  const resources = await readApiResources(client.genDir);
  for (const resource of resources) {
    if (resource.modelClasses.size !== 1) {
      throw new Error(
        `${resource.group}/${resource.version}/${resource.plural} has types ${[...resource.modelClasses]}`,
      );
    }
  }
  const rootOf = (resource) => [...resource.modelClasses][0];
  const classes = await buildClassSchemas(modelsDir, resources.map(rootOf));
  const specVersions = new Set([...classes.values()].map((built) => built.specVersion));
  if (specVersions.size !== 1)
    throw new Error(`classes come from several spec versions: ${[...specVersions]}`);

  const kinds = resources.map((resource) => {
    const className = rootOf(resource);
    const kind = className.replace(VERSION_PREFIX, "");
    const apiVersion = resource.group ? `${resource.group}/${resource.version}` : resource.version;
    const built = classes.get(className);
    return {
      kind,
      apiVersion,
      group: resource.group,
      version: resource.version,
      plural: resource.plural,
      namespaced: resource.namespaced,
      stability: resource.stability,
      verbs: [...resource.verbs].sort(),
      schema: kindSchema(built.schema, resource, kind, apiVersion),
    };
  });
  kinds.sort((a, b) =>
    `${a.group}/${a.version}/${a.kind}`.localeCompare(`${b.group}/${b.version}/${b.kind}`),
  );
  const seen = new Set();
  for (const { apiVersion, kind } of kinds) {
    if (seen.has(`${apiVersion}/${kind}`)) throw new Error(`${apiVersion} ${kind} is generated twice`);
    seen.add(`${apiVersion}/${kind}`);
  }

  // Only classes some schema refers to are definitions; a kind's own class is inlined as its root.
  const referenced = new Set([...classes.values()].flatMap((built) => [...built.references]));
  const definitions = { ...SHARED_DEFINITIONS };
  for (const name of [...referenced].sort()) definitions[name] = classes.get(name).schema;

  return {
    kubernetesVersion: [...specVersions][0],
    source: `@kubernetes/client-node@${client.version}`,
    kinds,
    definitions,
  };
}

export function serializeKubernetesModel(model) {
  return `${JSON.stringify(model, null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outFlag = process.argv.indexOf("--out");
  const out = outFlag > 0 ? resolve(process.argv[outFlag + 1] ?? "") : DEFAULT_OUT;
  const model = await generateKubernetesModel();
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, serializeKubernetesModel(model));
  console.log(`${model.kinds.length} kinds of Kubernetes ${model.kubernetesVersion} written to ${out}`);
}
