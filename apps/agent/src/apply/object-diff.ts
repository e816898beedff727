// Owns the dry run's per-object diff: which field paths an apply would add, remove or replace.

type Change = { path: string; op: "add" | "remove" | "replace" };

// Written by the server on every write; a diff of them says nothing about what the design changes.
const VOLATILE = new Set([
  ".metadata.managedFields",
  ".metadata.resourceVersion",
  ".metadata.generation",
  ".metadata.creationTimestamp",
  ".metadata.uid",
  ".status",
]);
const MAX_CHANGES = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function walk(before: unknown, after: unknown, path: string, out: Change[]): void {
  if (out.length >= MAX_CHANGES || VOLATILE.has(path)) return;
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const child = `${path}.${key}`;
      if (!(key in after)) {
        if (!VOLATILE.has(child)) out.push({ path: child, op: "remove" });
      } else if (!(key in before)) {
        if (!VOLATILE.has(child)) out.push({ path: child, op: "add" });
      } else walk(before[key], after[key], child, out);
    }
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path: path || ".", op: "replace" });
}

/** Changes from the live object to the dry-run answer; arrays compare whole, as apply replaces most of them. */
export function diffObjects(live: unknown, wouldBe: unknown): Change[] {
  const out: Change[] = [];
  walk(live, wouldBe, "", out);
  return out;
}
