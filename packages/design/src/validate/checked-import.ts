// Import with the registry's checks: unknown kinds and misfitting fields refuse the import, named by document and line.
import { type Document, LineCounter, parseAllDocuments } from "yaml";
import { lineOfPath } from "../compose/yaml-lines";
import {
  type DesignSource,
  importDesignSource as importUncheckedSource,
  type SourceImportOptions,
  type SourceImportResult,
} from "../import/import-source";
import type { SourceFormat } from "../import/source-format";
import type { ImportProblem } from "../kubernetes/import";
import { type ConfigurationIssue, describeIssue, validateConfiguration } from "./configuration";

const MAX_ALIASES = 100;

/**
 * importDesignSource, then every component checked against the Kubernetes model. A design that imports but
 * names a kind Kubernetes does not serve, or a field its schema refuses, fails like a syntax error would:
 * with the document and line of the manifest (or the design file) where the problem is.
 */
export async function importDesignSource(
  source: DesignSource,
  options: SourceImportOptions = {},
): Promise<SourceImportResult> {
  const result = await importUncheckedSource(source, options);
  if (!result.ok) return result;
  const report = validateConfiguration(result.design);
  if (report.valid) return result;
  const locate = locator(result.format, textOf(source.content));
  const errors: ImportProblem[] = report.issues.map((issue) => ({
    ...locate(issue),
    message: describeIssue(issue),
  }));
  if (report.total > 1) {
    errors.unshift({
      message: `${report.total} components' kinds or fields do not fit the Kubernetes model`,
    });
  }
  return { ok: false, errors, format: result.format, source: result.source };
}

type Locate = (issue: ConfigurationIssue) => { document?: number; line?: number };

function textOf(content: string | Uint8Array): string | undefined {
  if (typeof content === "string") return content;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return undefined;
  }
}

function locator(format: SourceFormat, text: string | undefined): Locate {
  const nowhere: Locate = () => ({});
  if (text === undefined) return nowhere;
  if (format === "kubernetes-manifests") return manifestLocator(text) ?? nowhere;
  if (format === "meshery-design") return designFileLocator(text) ?? nowhere;
  // Compose services become several components each: the service, not a line, is what the issue names.
  return nowhere;
}

function pointerKeys(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Resources in the order the manifest importer made components of them: documents, List items expanded. */
function manifestLocator(text: string): Locate | undefined {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  const resources: { doc: Document; document: number; prefix: (string | number)[] }[] = [];
  for (const [index, doc] of (Array.isArray(documents) ? documents : [documents]).entries()) {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch {
      return undefined;
    }
    if (value === null || value === undefined) continue;
    const resource = value as { kind?: unknown; items?: unknown };
    if (
      typeof resource.kind === "string" &&
      resource.kind.endsWith("List") &&
      Array.isArray(resource.items)
    ) {
      for (const [item] of resource.items.entries())
        resources.push({ doc, document: index + 1, prefix: ["items", item] });
    } else resources.push({ doc, document: index + 1, prefix: [] });
  }
  return (issue) => {
    const resource = resources[issue.componentIndex];
    if (!resource) return {};
    const line = lineOfPath(resource.doc, lineCounter, [...resource.prefix, ...pointerKeys(issue.pointer)]);
    return { document: resource.document, ...(line !== undefined ? { line } : {}) };
  };
}

/** In a Meshery design file the kind sits in `component`, the fields in `configuration`. */
function designFileLocator(text: string): Locate | undefined {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  const doc = Array.isArray(documents) ? documents[0] : documents;
  if (!doc) return undefined;
  return (issue) => {
    const keys = pointerKeys(issue.pointer);
    const inside =
      keys[0] === "kind" && keys.length === 1
        ? ["component", "kind"]
        : keys[0] === "apiVersion" && keys.length === 1
          ? ["component", "version"]
          : ["configuration", ...keys];
    const line = lineOfPath(doc, lineCounter, ["components", issue.componentIndex, ...inside]);
    return line !== undefined ? { line } : {};
  };
}
