// Model import from one JSON document: a Meshery model definition with its components and relationships.
import { type ModelBundle, RegistryInputError } from "../definitions";
import { byteSize, type ImportLimits, importLimits } from "./import-limits";
import { normalizeMesheryModel, type Sourced } from "./normalize-meshery-model";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes and parses one JSON file, refusing oversized, non-UTF-8 or malformed content with the file's name. */
export function parseJsonFile(content: string | Uint8Array, source: string, maxBytes: number): unknown {
  const size = typeof content === "string" ? content.length : content.byteLength;
  if (size > maxBytes) throw new RegistryInputError(`is larger than ${byteSize(maxBytes)}`, source);
  let text: string;
  try {
    text = typeof content === "string" ? content : utf8.decode(content);
  } catch {
    throw new RegistryInputError("is not UTF-8 text", source);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    // A RangeError here is a nesting so deep it exhausted the stack: malformed for our purposes too.
    throw new RegistryInputError(`is not valid JSON (${(error as Error).message})`, source);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function listAt(value: unknown, source: string, field: string): Sourced[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new RegistryInputError(`${field} is not a list`, source);
  return value.map((item, index) => ({ source: `${source} ${field}[${index}]`, value: item }));
}

/**
 * Accepts the shapes Meshery produces: a model definition whose `components` and `relationships` are filled in,
 * `{ model, components, relationships }`, or a registry listing `{ models: [model] }` holding exactly one model.
 */
export function modelFromJsonDocument(document: unknown, source: string): ModelBundle {
  if (!isObject(document)) throw new RegistryInputError("is not a JSON object", source);
  if (Array.isArray(document.models)) {
    if (document.models.length !== 1) {
      throw new RegistryInputError(`lists ${document.models.length} models; import one at a time`, source);
    }
    return modelFromJsonDocument(document.models[0], `${source} models[0]`);
  }
  if (typeof document.name === "string") {
    return normalizeMesheryModel(
      { source, value: document },
      listAt(document.components, source, "components"),
      listAt(document.relationships, source, "relationships"),
    );
  }
  if (isObject(document.model) && typeof document.model.name === "string") {
    const embedded = document.model;
    return normalizeMesheryModel(
      { source: `${source} model`, value: embedded },
      [
        ...listAt(embedded.components, source, "model.components"),
        ...listAt(document.components, source, "components"),
      ],
      [
        ...listAt(embedded.relationships, source, "model.relationships"),
        ...listAt(document.relationships, source, "relationships"),
      ],
    );
  }
  throw new RegistryInputError(
    "is neither a Meshery model definition nor { model, components, relationships }",
    source,
  );
}

export function importModelJson(
  content: string | Uint8Array,
  options: { fileName?: string; limits?: Partial<ImportLimits> } = {},
): ModelBundle {
  const limits = importLimits(options.limits);
  const source = options.fileName ?? "model JSON";
  return modelFromJsonDocument(parseJsonFile(content, source, limits.maxInputBytes), source);
}
