// Kubernetes manifests (multi-document YAML or JSON, List kinds) into a Meshery design, one component each.
import { LineCounter, parseAllDocuments } from "yaml";
import {
  COMPONENT_SCHEMA_VERSION,
  type Component,
  DESIGN_SCHEMA_VERSION,
  type Design,
} from "../format/schema";
import { isBuiltInApiVersion, isNamespaced } from "./kinds";
import { kubernetesModel, kubernetesModelReference } from "./model";

export const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;
// Anchors expand on read: a few hundred aliases are plenty for real manifests and stop "billion laughs".
const MAX_ALIASES = 100;

export type ImportProblem = { document?: number; line?: number; message: string };
export type ImportResult =
  | { ok: true; design: Design; warnings: ImportProblem[] }
  | { ok: false; errors: ImportProblem[] };
export type ImportOptions = { name?: string; newId?: () => string };

type Resource = { apiVersion: string; kind: string; metadata: Record<string, unknown> } & Record<
  string,
  unknown
>;
type Located = { resource: Record<string, unknown>; document: number; line: number };

export function importKubernetesManifests(text: string, options: ImportOptions = {}): ImportResult {
  if (new TextEncoder().encode(text).length > MAX_MANIFEST_BYTES) {
    return fail({ message: `the manifests are larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MB` });
  }
  if (text.includes("\u0000")) return fail({ message: "the input is binary data, not YAML or JSON" });
  const located = readDocuments(text);
  if (!Array.isArray(located)) return fail(located);

  const newId = options.newId ?? (() => crypto.randomUUID());
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const components: Component[] = [];
  for (const { resource, document, line } of located) {
    const problem = checkResource(resource);
    if (problem) {
      errors.push({ document, line, message: problem });
      continue;
    }
    const component = toComponent(resource as Resource, newId());
    const meta = component.configuration.metadata as Record<string, unknown>;
    const key = [resource.apiVersion, resource.kind, meta.namespace ?? "", meta.name].join("/");
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ document, line, message: `${key} is defined twice (first in document ${first})` });
      continue;
    }
    seen.set(key, document);
    components.push(component);
    if (!isBuiltInApiVersion(String(resource.apiVersion))) {
      const message = `${resource.apiVersion} ${resource.kind} is not a built-in Kubernetes kind: kept as a custom resource`;
      warnings.push({ document, line, message });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (components.length === 0) return fail({ message: "the input holds no Kubernetes resources" });
  const design: Design = {
    id: newId(),
    name: options.name ?? "Imported manifests",
    schemaVersion: DESIGN_SCHEMA_VERSION,
    version: "0.0.1",
    components,
    relationships: [],
  };
  return { ok: true, design, warnings };
}

function readDocuments(text: string): Located[] | ImportProblem {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  const located: Located[] = [];
  for (const [index, doc] of (Array.isArray(documents) ? documents : [documents]).entries()) {
    const document = index + 1;
    const syntax = doc.errors[0];
    if (syntax) {
      return {
        document,
        line: syntax.linePos?.[0].line,
        message: syntax.message.split("\n")[0] ?? "invalid YAML",
      };
    }
    const line = lineCounter.linePos(doc.contents?.range[0] ?? doc.range[0]).line;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      return { document, line, message: error instanceof Error ? error.message : "unreadable document" };
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== "object" || Array.isArray(value)) {
      return { document, line, message: "a document must be a mapping with apiVersion, kind and metadata" };
    }
    const resource = value as Record<string, unknown>;
    if (
      typeof resource.kind === "string" &&
      resource.kind.endsWith("List") &&
      Array.isArray(resource.items)
    ) {
      for (const item of resource.items) {
        located.push({ resource: isObject(item) ? item : { item }, document, line });
      }
    } else located.push({ resource, document, line });
  }
  return located;
}

function checkResource(resource: Record<string, unknown>): string | undefined {
  if (typeof resource.apiVersion !== "string" || resource.apiVersion === "") return "apiVersion is missing";
  if (typeof resource.kind !== "string" || resource.kind === "") return "kind is missing";
  if (!isObject(resource.metadata)) return `${resource.kind} has no metadata`;
  const name = resource.metadata.name;
  if (typeof name !== "string" || name === "") return `${resource.kind} has no metadata.name`;
  return undefined;
}

export function toComponent(resource: Resource, id: string): Component {
  const { apiVersion, kind, status: _status, ...configuration } = resource;
  const namespaced = isNamespaced(kind);
  // Meshery places namespaced resources without a namespace in "default", as kubectl would.
  if (namespaced && configuration.metadata.namespace === undefined) {
    configuration.metadata = { ...configuration.metadata, namespace: "default" };
  }
  return {
    id,
    schemaVersion: COMPONENT_SCHEMA_VERSION,
    version: "v1.0.0",
    displayName: String(configuration.metadata.name),
    description: "",
    format: "JSON",
    model: kubernetesModel,
    modelReference: kubernetesModelReference,
    component: { version: apiVersion, kind, schema: "" },
    configuration,
    metadata: {
      genealogy: "",
      isAnnotation: false,
      isNamespaced: namespaced,
      published: false,
      instanceDetails: {},
      configurationUISchema: "",
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(problem: ImportProblem): ImportResult {
  return { ok: false, errors: [problem] };
}
