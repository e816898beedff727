// Compose YAML into plain values: size and binary checks, one document, bounded aliases, interpolation, lines.
import { type Document, LineCounter, parseAllDocuments, visit } from "yaml";
import type { ImportProblem } from "../kubernetes/import";
import { interpolate } from "./interpolate";
import { ComposeProblems } from "./problems";
import { lineOfPath } from "./yaml-lines";

export const MAX_COMPOSE_BYTES = 5 * 1024 * 1024;
// Anchors expand on read: real Compose files use a handful (x-common: &common), and a bound stops "billion laughs".
const MAX_ALIASES = 100;

export type ComposeDocument = { root: Record<string, unknown>; problems: ComposeProblems };

export function readComposeText(
  text: string,
  variables: Readonly<Record<string, string>>,
): ComposeDocument | ImportProblem {
  // Checking the length first avoids encoding a huge string only to refuse it.
  if (text.length > MAX_COMPOSE_BYTES || new TextEncoder().encode(text).length > MAX_COMPOSE_BYTES) {
    return { message: `the Compose file is larger than ${MAX_COMPOSE_BYTES / 1024 / 1024} MB` };
  }
  if (text.includes("\u0000")) return { message: "the input is binary data, not a Compose file" };
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, merge: true });
  const all = Array.isArray(documents) ? documents : [documents];
  const [doc, second] = all;
  if (!doc) return { message: "the Compose file is empty" };
  for (const each of all) {
    const syntax = each.errors[0];
    if (syntax)
      return { line: syntax.linePos?.[0].line, message: syntax.message.split("\n")[0] ?? "invalid YAML" };
  }
  if (second) {
    const line = lineCounter.linePos(second.range[0]).line;
    return { line, message: "a Compose file holds one YAML document, this one holds several" };
  }
  const problems = new ComposeProblems((path) => lineOfPath(doc, lineCounter, path));
  interpolateScalars(doc, variables, problems, lineCounter);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return { message: error instanceof Error ? error.message : "unreadable YAML" };
  }
  if (value === null || value === undefined) return { message: "the Compose file is empty" };
  if (typeof value !== "object" || Array.isArray(value)) {
    return { line: 1, message: "a Compose file must be a mapping with a services key" };
  }
  return { root: value as Record<string, unknown>, problems };
}

function interpolateScalars(
  doc: Document,
  variables: Readonly<Record<string, string>>,
  problems: ComposeProblems,
  lineCounter: LineCounter,
): void {
  visit(doc, {
    Scalar(key, node) {
      // Compose interpolates values only, never mapping keys.
      if (key === "key" || typeof node.value !== "string" || !node.value.includes("$")) return;
      const line = lineCounter.linePos(node.range?.[0] ?? 0).line;
      const result = interpolate(node.value, variables);
      if ("error" in result) {
        problems.error(line, result.error);
        return;
      }
      for (const name of new Set(result.unset)) {
        problems.warn(line, `variable ${name} is not set and has no default: an empty string is used`);
      }
      for (const { name, message } of result.required) {
        const why = message ? ` (${message})` : "";
        problems.warn(line, `variable ${name} is required${why} but not set: an empty string is used`);
      }
      node.value = result.value;
    },
  });
}
