// JSON Schema validator output turned into one plain sentence per failing field, with its path and JSON pointer.
import type { OutputUnit } from "@cfworker/json-schema";

export type FieldProblem = { pointer: string; path: string; message: string };

// Keywords that only say "something below failed": the failure below is reported instead.
const SUMMARY_KEYWORDS = new Set([
  "properties",
  "items",
  "prefixItems",
  "additionalProperties",
  "patternProperties",
  "$ref",
  "$dynamicRef",
  "$recursiveRef",
  "allOf",
  "anyOf",
  "unevaluatedProperties",
  "unevaluatedItems",
  "if",
  "then",
  "else",
]);

type Schema = Record<string, unknown>;

/** Field problems in document order, one per field and keyword; `schema` resolves what a keyword expected. */
export function fieldProblems(
  errors: readonly OutputUnit[],
  instance: unknown,
  schema: Schema,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (SUMMARY_KEYWORDS.has(error.keyword)) continue;
    // A oneOf is reported once, as a whole, rather than as every branch's own failure.
    if (error.keywordLocation.includes("/oneOf/")) continue;
    let segments = pointerSegments(error.instanceLocation);
    const value = valueAt(instance, segments);
    let message: string;
    const at = schemaAt(schema, error.keywordLocation);
    switch (error.keyword) {
      case "type":
        message = `expected ${typeNames(at.node?.type)}, got ${describeValue(value)}`;
        break;
      case "required": {
        const field = /"([^"]*)"/.exec(error.error)?.[1];
        if (field !== undefined) segments = [...segments, field];
        message = "is required but missing";
        break;
      }
      case "const":
        message = `expected ${JSON.stringify(at.node?.const)}, got ${describeValue(value)}`;
        break;
      case "enum":
        message = `expected one of ${(Array.isArray(at.node?.enum) ? at.node.enum : []).map((v) => JSON.stringify(v)).join(", ")}, got ${describeValue(value)}`;
        break;
      case "format":
        message = `expected a ${String(at.node?.format)} value, got ${describeValue(value)}`;
        break;
      case "oneOf":
        message = `expected ${oneOfExpectation(at)}, got ${describeValue(value)}`;
        break;
      default:
        message = `${error.error.replace(/\.$/, "")} (got ${describeValue(value)})`;
    }
    const pointer = toPointer(segments);
    const key = `${pointer} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ pointer, path: dottedPath(instance, segments), message });
  }
  return problems;
}

/** cfworker locations are "#/a/b", each segment pointer-escaped and then URI-encoded. */
function pointerSegments(location: string): string[] {
  const body = location.replace(/^#/, "");
  if (body === "" || body === "/") return [];
  return body
    .slice(1)
    .split("/")
    .map((segment) => safeDecode(segment).replaceAll("~1", "/").replaceAll("~0", "~"));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function toPointer(segments: readonly string[]): string {
  return segments.map((s) => `/${s.replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** spec.template.spec.containers[0].name; keys that are not plain names are quoted: labels["app.kubernetes.io/name"]. */
function dottedPath(instance: unknown, segments: readonly string[]): string {
  let node = instance;
  let out = "";
  for (const segment of segments) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return out === "" ? "(the object)" : out;
}

function valueAt(instance: unknown, segments: readonly string[]): unknown {
  let node = instance;
  for (const segment of segments) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case "number":
      return `${Number.isInteger(value) ? "integer" : "number"} ${value}`;
    case "boolean":
      return `boolean ${value}`;
    case "object":
      return "an object";
    default:
      return "nothing";
  }
}

function typeNames(type: unknown): string {
  const names = Array.isArray(type) ? type.map(String) : [String(type)];
  return names.join(" or ");
}

/** The schema node holding a keyword, following $refs into $defs; `ref` is the last definition passed through. */
function schemaAt(root: Schema, keywordLocation: string): { node?: Schema; ref?: string } {
  const segments = pointerSegments(keywordLocation).slice(0, -1);
  let node: unknown = root;
  let ref: string | undefined;
  for (const segment of segments) {
    if (typeof node !== "object" || node === null) return {};
    if (segment === "$ref") {
      const target = (node as Schema).$ref;
      if (typeof target !== "string" || !target.startsWith("#/$defs/")) return {};
      ref = target.slice("#/$defs/".length);
      node = (root.$defs as Record<string, unknown> | undefined)?.[ref];
    } else node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === "object" && node !== null ? { node: node as Schema, ...(ref ? { ref } : {}) } : {};
}

// The two oneOf definitions of the Kubernetes model, said the way a user writes them.
const ONE_OF_WORDING: Record<string, string> = {
  Quantity: 'a quantity: a number, or a string such as "500m", "1.5Gi" or "2"',
  IntOrString: "an integer or a string",
};

function oneOfExpectation(at: { node?: Schema; ref?: string }): string {
  const wording = at.ref ? ONE_OF_WORDING[at.ref] : undefined;
  if (wording) return wording;
  const branches = Array.isArray(at.node?.oneOf) ? (at.node.oneOf as Schema[]) : [];
  const names = branches.map((branch) => (branch.type !== undefined ? typeNames(branch.type) : "a value"));
  return names.length > 0 ? `exactly one of: ${names.join(", ")}` : "one of the allowed forms";
}
