// Meshery design files (YAML or JSON, as Meshery exports them) checked with our schema, problems on their lines.
import { LineCounter, parseAllDocuments } from "yaml";
import { lineOfPath } from "../compose/yaml-lines";
import { type Design, parseDesign } from "../format/schema";
import type { ImportProblem, ImportResult } from "../kubernetes/import";
import { MAX_SOURCE_BYTES } from "./source-format";

const MAX_ALIASES = 100;

export function importMesheryDesign(text: string, options: { name?: string } = {}): ImportResult {
  if (text.length > MAX_SOURCE_BYTES) return fail({ message: "the design is larger than 5 MB" });
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  const [doc, second] = Array.isArray(documents) ? documents : [documents];
  if (!doc) return fail({ message: "the design is empty" });
  const syntax = doc.errors[0] ?? second?.errors[0];
  if (syntax)
    return fail({ line: syntax.linePos?.[0].line, message: syntax.message.split("\n")[0] ?? "invalid YAML" });
  if (second) return fail({ message: "a design file holds one document, this one holds several" });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return fail({ message: error instanceof Error ? error.message : "unreadable design" });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail({
      line: 1,
      message: "a design must be a mapping with id, name, components and relationships",
    });
  }
  const input = value as Record<string, unknown>;
  if (input.services !== undefined && input.components === undefined) {
    return fail({
      message:
        "this design uses Meshery's legacy v1alpha2 format (services and traits): open it in Meshery and export it again",
    });
  }
  // Meshery Server is written in Go, whose empty lists marshal as null: an empty design says so.
  for (const key of ["components", "relationships"]) if (input[key] === null) input[key] = [];
  const parsed = parseDesign(input);
  if (!parsed.ok) {
    return {
      ok: false,
      errors: parsed.issues.map((issue) => ({
        line: lineOfPath(doc, lineCounter, pathKeys(issue.path)),
        message: issue.path ? `${issue.path}: ${issue.message}` : issue.message,
      })),
    };
  }
  const design: Design = options.name ? { ...parsed.design, name: options.name } : parsed.design;
  const warnings: ImportProblem[] = [];
  if (!design.schemaVersion.startsWith("designs.meshery.io/")) {
    warnings.push({
      message: `schemaVersion ${design.schemaVersion} is not a Meshery design version: imported as is`,
    });
  }
  return { ok: true, design, warnings };
}

/** "components[0].component.kind" back into ["components", 0, "component", "kind"]. */
function pathKeys(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) =>
    match[2] !== undefined ? Number(match[2]) : (match[1] ?? ""),
  );
}

function fail(problem: ImportProblem): ImportResult {
  return { ok: false, errors: [problem] };
}
