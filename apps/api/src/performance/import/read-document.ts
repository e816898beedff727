// Reads an uploaded result document: JSON or YAML text or an object, Meshery's wrapper unwrapped, the format
// named or recognised, then handed to its importer.
import { parse } from "yaml";
import { importFortio, looksLikeFortio } from "./fortio";
import { ImportError, type Imported, type ImportFormat } from "./imported";
import { importSmp, looksLikeSmp } from "./smp";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      // Aliases are how YAML bombs grow: a result document has no use for many of them.
      return parse(text, { maxAliasCount: 10 });
    } catch (error) {
      throw new ImportError(
        `data is neither JSON nor YAML: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
}

/** Meshery keeps the Fortio result under runner_results (runnerResults in newer schemas). */
function unwrap(document: Record<string, unknown>): Record<string, unknown> {
  const inner = document.runner_results ?? document.runnerResults;
  return isObject(inner) ? inner : document;
}

export function readResultDocument(data: unknown, format?: ImportFormat): Imported {
  const parsed = typeof data === "string" ? parseText(data) : data;
  if (!isObject(parsed))
    throw new ImportError("data must be a result document (an object), not a list or a value");
  const document = unwrap(parsed);
  const detected = format ?? (looksLikeFortio(document) ? "fortio" : looksLikeSmp(document) ? "smp" : null);
  if (detected === "fortio") return importFortio(document);
  if (detected === "smp") return importSmp(document);
  throw new ImportError(
    "data is neither a Fortio result (DurationHistogram, RetCodes) nor an SMP result (latencies_ms, actual_qps)",
  );
}
