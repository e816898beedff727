// The registry as the public pages read it: models, components and schemas from the API. Anyone sees the
// shared registry; a signed-in visitor also sees the models found in their organisation's clusters.
import { serverContext } from "../server-context";
import { listOrganizations } from "./identity";
import { selectedOrganization } from "./selected-org";
import { sessionApiToken } from "./signed-in";

export type ModelReference = {
  id: string;
  name: string;
  version: string;
  displayName: string;
  /** Found in one of the viewer's organisation's clusters (from a CRD), not in the shared registry. */
  discovered?: boolean;
};
export type RegistryModel = ModelReference & {
  description: string;
  category: string;
  subCategory: string;
  status: string;
  metadata: Record<string, unknown>;
  componentCount: number;
  relationshipCount: number;
};
export type RegistryComponent = {
  id: string;
  kind: string;
  apiVersion: string;
  displayName: string;
  description: string;
  metadata: Record<string, unknown>;
  model: ModelReference;
};
export type JsonSchema = Record<string, unknown>;
export type Page<T> = { items: T[]; totalCount: number; page: number; pageSize: number };
export type ModelDetail = { model: RegistryModel; versions: string[]; components: Page<RegistryComponent> };

/** A list page's state, kept in the URL: `?q=` and a zero-based `?page=`. */
export type ListState = { q?: string; page: number; version?: string };

export function readListState(params: Record<string, string | string[] | undefined>): ListState {
  const first = (value: string | string[] | undefined) => [value ?? []].flat()[0];
  const q = first(params.q)?.trim().slice(0, 200);
  const page = Number(first(params.page) ?? 0);
  const version = first(params.version)?.trim().slice(0, 100);
  return {
    ...(q ? { q } : {}),
    page: Number.isInteger(page) && page > 0 && page <= 100_000 ? page : 0,
    ...(version ? { version } : {}),
  };
}

export function listQuery(state: ListState): string {
  const query = new URLSearchParams();
  if (state.version) query.set("version", state.version);
  if (state.q) query.set("q", state.q);
  if (state.page > 0) query.set("page", String(state.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

type Viewer = { token: string; orgId: string };

/** The signed-in visitor's token and selected organisation; nobody for an anonymous one. */
async function viewer(): Promise<Viewer | undefined> {
  const token = await sessionApiToken();
  if (!token) return undefined;
  const organization = await selectedOrganization(await listOrganizations(token));
  return organization ? { token, orgId: organization.id } : undefined;
}

async function registryAnswer(path: string, as: Viewer | undefined): Promise<Response> {
  const url = new URL(`${serverContext().env.apiUrl}${path}`);
  if (as) url.searchParams.set("orgId", as.orgId);
  return fetch(url, {
    cache: "no-store",
    headers: as ? { authorization: `Bearer ${as.token}` } : {},
  });
}

async function publicJson<T>(path: string): Promise<T | undefined> {
  const as = await viewer();
  let response = await registryAnswer(path, as);
  // A member whose role cannot read designs still gets the shared registry.
  if (as && (response.status === 401 || response.status === 403))
    response = await registryAnswer(path, undefined);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`the registry answered ${response.status}`);
  return (await response.json()) as T;
}

export async function fetchModels(state: ListState): Promise<Page<RegistryModel>> {
  const page = await publicJson<Page<RegistryModel>>(
    `/api/registry/models${listQuery({ ...state, version: undefined }) || "?"}&pageSize=24`,
  );
  if (!page) throw new Error("the registry is not available");
  return page;
}

/** Model names are Meshery's lowercase-and-dashes; anything else cannot exist, so it is not asked for. */
export function fetchModel(name: string, state: ListState): Promise<ModelDetail | undefined> {
  if (!/^[a-z0-9][a-z0-9.-]{0,254}$/.test(name)) return Promise.resolve(undefined);
  return publicJson(`/api/registry/models/${encodeURIComponent(name)}${listQuery(state) || "?"}&pageSize=50`);
}

export function fetchComponent(
  id: string,
): Promise<(RegistryComponent & { schema: JsonSchema }) | undefined> {
  return /^[0-9a-f-]{36}$/i.test(id)
    ? publicJson(`/api/registry/components/${id}`)
    : Promise.resolve(undefined);
}

/** One property of a schema as the field tree shows it. */
export type SchemaField = {
  name: string;
  /** Dotted from the root, `[]` standing for an array's items: `spec.template.spec.containers[].image`. */
  path: string;
  type: string;
  required: boolean;
  description: string;
  enum?: string[];
  children: SchemaField[];
  /** Has fields of its own beyond the depth shown. */
  deeper: boolean;
  /** Refers back to a definition already open above it (JSONSchemaProps holds itself). */
  recursive: boolean;
};

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Follows `$ref`s (to `$defs` or `definitions`) and a lone `allOf` wrapper; the names of the definitions passed. */
function resolve(
  root: JsonSchema,
  node: unknown,
  seen: readonly string[],
): { node: JsonSchema; refs: string[] } {
  let current = isObject(node) ? node : {};
  const refs: string[] = [];
  for (let hops = 0; hops < 32; hops++) {
    const ref = current.$ref;
    const allOf = current.allOf;
    if (typeof ref === "string") {
      const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
      const target = match
        ? (root[match[1] as string] as JsonSchema | undefined)?.[match[2] as string]
        : undefined;
      if (!isObject(target) || refs.includes(ref) || seen.includes(ref)) {
        refs.push(ref);
        break;
      }
      refs.push(ref);
      const { $ref: _, ...rest } = current;
      // Siblings of a $ref (a description, say) describe this use of the definition: they win.
      current = { ...target, ...rest };
    } else if (Array.isArray(allOf) && allOf.length === 1) {
      const { allOf: _, ...rest } = current;
      current = { ...(isObject(allOf[0]) ? allOf[0] : {}), ...rest };
    } else break;
  }
  return { node: current, refs };
}

function typeName(root: JsonSchema, node: JsonSchema, seen: readonly string[]): string {
  if (node["x-kubernetes-int-or-string"] === true) return "integer | string";
  const declared = [node.type ?? []].flat().filter((t): t is string => typeof t === "string");
  const type =
    declared.filter((t) => t !== "null").join(" | ") || (isObject(node.properties) ? "object" : "");
  if (type === "array") {
    const items = resolve(root, node.items, seen).node;
    return `array of ${typeName(root, items, seen) || "any"}`;
  }
  if (type === "object" && !isObject(node.properties) && isObject(node.additionalProperties)) {
    const values = resolve(root, node.additionalProperties, seen).node;
    return `map of ${typeName(root, values, seen) || "any"}`;
  }
  const format = typeof node.format === "string" ? ` (${node.format})` : "";
  return type ? `${type}${format}` : node.oneOf || node.anyOf ? "one of several" : "any";
}

/** The object whose properties a field contributes: itself, its array's items or its map's values. */
function containerOf(
  root: JsonSchema,
  node: JsonSchema,
  seen: readonly string[],
): { node: JsonSchema; refs: string[]; suffix: string } {
  if (isObject(node.items)) {
    const inner = resolve(root, node.items, seen);
    const deeper = containerOf(root, inner.node, [...seen, ...inner.refs]);
    return { ...deeper, refs: [...inner.refs, ...deeper.refs], suffix: `[]${deeper.suffix}` };
  }
  if (!isObject(node.properties) && isObject(node.additionalProperties)) {
    const inner = resolve(root, node.additionalProperties, seen);
    return { node: inner.node, refs: inner.refs, suffix: "{}" };
  }
  return { node, refs: [], suffix: "" };
}

function fieldsOf(
  root: JsonSchema,
  node: JsonSchema,
  prefix: string,
  seen: string[],
  depth: number,
): SchemaField[] {
  const properties = isObject(node.properties) ? node.properties : {};
  const required = new Set(
    Array.isArray(node.required) ? node.required.filter((r) => typeof r === "string") : [],
  );
  // Alphabetical: the stored schema is jsonb, which keeps no author's order to respect.
  const entries = Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.map(([name, raw]) => {
    const resolved = resolve(root, raw, seen);
    const path = prefix ? `${prefix}.${name}` : name;
    const ancestry = [...seen, ...resolved.refs];
    const recursive = resolved.refs.some((ref) => seen.includes(ref));
    const container = containerOf(root, resolved.node, ancestry);
    const hasFields =
      isObject(container.node.properties) && Object.keys(container.node.properties).length > 0;
    const inner = [...ancestry, ...container.refs];
    const loops = container.refs.some((ref) => ancestry.includes(ref));
    const open = hasFields && !recursive && !loops && depth > 1;
    const values = resolved.node.enum;
    return {
      name,
      path,
      type: typeName(root, resolved.node, seen),
      required: required.has(name),
      description: typeof resolved.node.description === "string" ? resolved.node.description : "",
      ...(Array.isArray(values) ? { enum: values.map(String) } : {}),
      children: open ? fieldsOf(root, container.node, `${path}${container.suffix}`, inner, depth - 1) : [],
      deeper: hasFields && !recursive && !loops && depth <= 1,
      recursive: recursive || loops,
    };
  });
}

/**
 * The schema's properties as a tree, `depth` levels deep from `at` (a path as `SchemaField.path` writes it).
 * Returns undefined when `at` names no object field of the schema.
 */
export function schemaFieldTree(schema: JsonSchema, at = "", depth = 3): SchemaField[] | undefined {
  let node = resolve(schema, schema, []).node;
  let seen: string[] = [];
  let prefix = "";
  for (const segment of at ? at.split(".") : []) {
    const match = /^([^[\]{}]+)((?:\[\]|\{\})*)$/.exec(segment);
    const properties = isObject(node.properties) ? node.properties : {};
    if (!match || !Object.hasOwn(properties, match[1] as string)) return undefined;
    const resolved = resolve(schema, properties[match[1] as string], seen);
    seen = [...seen, ...resolved.refs];
    const container = containerOf(schema, resolved.node, seen);
    if (container.suffix !== (match[2] ?? "")) return undefined;
    seen = [...seen, ...container.refs];
    node = container.node;
    prefix = prefix ? `${prefix}.${segment}` : segment;
  }
  return fieldsOf(schema, node, prefix, seen, depth);
}
