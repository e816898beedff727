// JSON Schemas of the client's generated model classes: descriptions and optionality from the .d.ts, types from attributeTypeMap.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { INT_OR_STRING_SCHEMA, QUANTITY_FIELDS, QUANTITY_SCHEMA } from "./quantity-fields.mjs";

export const VERSION_PREFIX = /^(?:[A-Z][a-z]+)*V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/;
const SPEC_VERSION = /OpenAPI spec version: (v\d+\.\d+\.\d+)/;
const QUANTITY = new Set(QUANTITY_FIELDS);

/** The generator escaped quotes and backslashes for a JS string; the descriptions want the plain text. */
const plainText = (text) => text.replace(/\\(['"\\])/g, "$1").trim();

function docOf(node) {
  const doc = ts.getJSDocCommentsAndTags(node).find(ts.isJSDoc);
  const text = doc && ts.getTextOfJSDocComment(doc.comment);
  return text ? plainText(text) : undefined;
}

/** Reads one class's .d.ts: its description, spec version, and each property's description and optionality. */
async function readDeclaration(modelsDir, className) {
  const text = await readFile(join(modelsDir, `${className}.d.ts`), "utf8");
  const source = ts.createSourceFile(`${className}.d.ts`, text, ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find(
    (node) => ts.isClassDeclaration(node) && node.name?.text === className,
  );
  if (!declaration) throw new Error(`${className}.d.ts declares no class ${className}`);
  const properties = new Map();
  for (const member of declaration.members) {
    if (!ts.isPropertyDeclaration(member) || !ts.isStringLiteral(member.name)) continue;
    properties.set(member.name.text, { optional: Boolean(member.questionToken), description: docOf(member) });
  }
  return { description: docOf(declaration), specVersion: SPEC_VERSION.exec(text)?.[1], properties };
}

async function readAttributeTypes(modelsDir, className) {
  const module = await import(pathToFileURL(join(modelsDir, `${className}.js`)).href);
  const attributes = module[className]?.attributeTypeMap;
  if (!Array.isArray(attributes)) throw new Error(`${className}.js has no attributeTypeMap`);
  return attributes;
}

/** The JSON Schema of one attribute type such as `Array<V1Container>`; class names become $refs. */
function typeSchema(type, format, isQuantity, references) {
  const array = /^Array<(.+)>$/.exec(type);
  if (array?.[1]) return { type: "array", items: typeSchema(array[1], format, isQuantity, references) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map?.[1])
    return { type: "object", additionalProperties: typeSchema(map[1], format, isQuantity, references) };
  if (type === "string" && isQuantity) return { $ref: "#/$defs/Quantity" };
  switch (type) {
    case "string":
      return format ? { type: "string", format } : { type: "string" };
    case "boolean":
      return { type: "boolean" };
    case "number":
      if (format === "int32" || format === "int64") return { type: "integer", format };
      return format ? { type: "number", format } : { type: "number" };
    // Manifests written by kubectl carry `creationTimestamp: null`, which the API server reads as unset.
    case "Date":
    case "V1MicroTime":
      return { type: ["string", "null"], format: "date-time" };
    case "IntOrString":
      return { $ref: "#/$defs/IntOrString" };
    case "any":
      return {};
    default:
      if (!/^[A-Z]\w+$/.test(type)) throw new Error(`unknown attribute type ${type}`);
      references.add(type);
      return { $ref: `#/$defs/${type}` };
  }
}

/** One class as an object schema, plus the class names it refers to. */
async function classSchema(modelsDir, className) {
  const [declaration, attributes] = await Promise.all([
    readDeclaration(modelsDir, className),
    readAttributeTypes(modelsDir, className),
  ]);
  const unversioned = className.replace(VERSION_PREFIX, "");
  const references = new Set();
  const properties = {};
  const required = [];
  for (const attribute of attributes) {
    const declared = declaration.properties.get(attribute.name);
    if (!declared)
      throw new Error(`${className}.${attribute.name} is in attributeTypeMap but not in the .d.ts`);
    const isQuantity = QUANTITY.has(`${unversioned}.${attribute.baseName}`);
    const schema = typeSchema(attribute.type, attribute.format, isQuantity, references);
    properties[attribute.baseName] = declared.description
      ? { description: declared.description, ...schema }
      : schema;
    if (!declared.optional) required.push(attribute.baseName);
  }
  const schema = {
    ...(declaration.description ? { description: declaration.description } : {}),
    type: "object",
    properties,
    ...(required.length ? { required } : {}),
  };
  return { schema, specVersion: declaration.specVersion, references };
}

/** Every class reachable from the roots, by name, with the spec version each was generated from. */
export async function buildClassSchemas(modelsDir, rootClasses) {
  const classes = new Map();
  const pending = [...rootClasses];
  while (pending.length) {
    const className = pending.pop();
    if (classes.has(className)) continue;
    const built = await classSchema(modelsDir, className);
    classes.set(className, built);
    pending.push(...built.references);
  }
  return classes;
}

export const SHARED_DEFINITIONS = { IntOrString: INT_OR_STRING_SCHEMA, Quantity: QUANTITY_SCHEMA };

/** Fails when a Quantity entry names no string-valued field of any class the package ships. */
export async function checkQuantityFields(modelsDir) {
  const unmatched = new Set(QUANTITY_FIELDS);
  const files = (await readdir(modelsDir)).filter((file) => /^[A-Z]\w+\.js$/.test(file));
  for (const file of files) {
    const className = file.replace(/\.js$/, "");
    const unversioned = className.replace(VERSION_PREFIX, "");
    const candidates = QUANTITY_FIELDS.filter((field) => field.startsWith(`${unversioned}.`));
    if (!candidates.length) continue;
    for (const attribute of await readAttributeTypes(modelsDir, className)) {
      const field = `${unversioned}.${attribute.baseName}`;
      if (candidates.includes(field) && /(^|<|: )string(>|;|$)/.test(attribute.type)) unmatched.delete(field);
    }
  }
  if (unmatched.size) throw new Error(`Quantity fields not found upstream: ${[...unmatched].join(", ")}`);
}
