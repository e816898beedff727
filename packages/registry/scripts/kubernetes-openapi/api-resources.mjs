// Which top-level kinds the Kubernetes API serves, read from the request paths of the client's generated API classes.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

// A resource path: core (/api/v1) or a named group, optionally namespaced, for one object or the collection.
const RESOURCE_PATH =
  /^\/(?:api\/(?<coreVersion>v1)|apis\/(?<group>[^/]+)\/(?<groupVersion>[^/]+))(?<namespaced>\/namespaces\/\{namespace\})?\/(?<plural>[a-z0-9]+)(?<item>\/\{name\})?$/;

const STABILITY = /^v\d+(alpha|beta)\d+$/;

/**
 * The APIs the package exports are the ones generated from the current spec; the folder also keeps files of
 * groups that newer specs dropped (resource.k8s.io/v1alpha2 say), which must not become kinds.
 */
async function currentApiNames(genDir) {
  const index = await readFile(join(genDir, "index.js"), "utf8");
  const names = new Set([...index.matchAll(/\bObject(\w+Api) as \1\b/g)].map((match) => match[1]));
  if (names.size === 0) throw new Error(`no API classes are exported by ${join(genDir, "index.js")}`);
  return names;
}

/** Each operation of an API file: its path, HTTP method, request body type and 200 response type. */
function operationsOf(source, file) {
  const processorAt = source.indexOf("ResponseProcessor {");
  if (processorAt < 0) throw new Error(`${file}: no response processor class`);
  const operations = new Map();
  for (const chunk of source
    .slice(0, processorAt)
    .split(/\n {4}async /)
    .slice(1)) {
    const name = /^(\w+)\(/.exec(chunk)?.[1];
    const path = /const localVarPath = '([^']+)'/.exec(chunk)?.[1];
    const method = /HttpMethod\.(\w+)/.exec(chunk)?.[1];
    if (!name || !path || !method) continue;
    const bodyType = /ObjectSerializer\.serialize\(body, "([^"]+)"/.exec(chunk)?.[1];
    operations.set(name, { path, method, bodyType });
  }
  for (const chunk of source
    .slice(processorAt)
    .split(/\n {4}async /)
    .slice(1)) {
    const name = /^(\w+)WithHttpInfo\(/.exec(chunk)?.[1];
    const operation = name && operations.get(name);
    if (!operation) continue;
    operation.responseType = /isCodeInRange\("200",[^\n]*\n[^\n]*deserialize\([^\n]*, "(\w+)", "\w*"\);/.exec(
      chunk,
    )?.[1];
  }
  return [...operations.values()];
}

function verbOf(method, isItem) {
  if (method === "GET") return isItem ? "get" : "list";
  if (method === "POST") return isItem ? undefined : "create";
  if (method === "PUT") return isItem ? "update" : undefined;
  if (method === "PATCH") return isItem ? "patch" : undefined;
  if (method === "DELETE") return isItem ? "delete" : "deletecollection";
  return undefined;
}

/**
 * Resources keyed by group/version/plural. The model class of a kind is the body of its create call or the
 * response of its read call: lists, statuses and options never appear there for a plain resource path.
 */
export async function readApiResources(genDir) {
  const apiNames = await currentApiNames(genDir);
  const files = (await readdir(join(genDir, "apis"))).filter((file) =>
    apiNames.has(file.replace(/\.js$/, "")),
  );
  const resources = new Map();
  for (const file of files.sort()) {
    const source = await readFile(join(genDir, "apis", file), "utf8");
    for (const operation of operationsOf(source, file)) {
      const match = RESOURCE_PATH.exec(operation.path);
      if (!match?.groups) continue;
      const { coreVersion, group = "", groupVersion, namespaced, plural, item } = match.groups;
      const version = coreVersion ?? groupVersion;
      const key = `${group}/${version}/${plural}`;
      const resource = resources.get(key) ?? {
        group,
        version,
        plural,
        namespaced: false,
        stability: STABILITY.exec(version)?.[1] ?? "stable",
        verbs: new Set(),
        modelClasses: new Set(),
      };
      resources.set(key, resource);
      if (namespaced) resource.namespaced = true;
      const verb = verbOf(operation.method, Boolean(item));
      if (verb) resource.verbs.add(verb);
      if (operation.method === "POST" && !item && operation.bodyType)
        resource.modelClasses.add(operation.bodyType);
      if (operation.method === "GET" && item && operation.responseType)
        resource.modelClasses.add(operation.responseType);
    }
  }
  return [...resources.values()].filter((resource) => resource.modelClasses.size > 0);
}
