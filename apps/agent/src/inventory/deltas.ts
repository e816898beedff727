// Owns the shapes of inventory deltas and how two deltas for the same key combine: the last state wins.

export type InventoryDelta =
  | {
      op: "upsert";
      uid: string;
      apiVersion: string;
      kind: string;
      namespace?: string;
      name: string;
      resourceVersion: string;
      generation: number;
      object: Record<string, unknown>;
    }
  | { op: "keep"; uid: string; resourceVersion: string; generation: number }
  | { op: "delete"; uid: string }
  | { op: "snapshot"; group: string; kind: string; generation: number }
  | { op: "scope"; resources: { group: string; kind: string }[] };

/** Objects by uid; markers by what they describe, so a newer marker replaces an older one. */
export function keyOf(delta: InventoryDelta): string {
  switch (delta.op) {
    case "snapshot":
      return `snapshot:${delta.group}/${delta.kind}`;
    case "scope":
      return "scope";
    default:
      return `uid:${delta.uid}`;
  }
}

/**
 * What to send instead of `older` then `newer` (same key). A keep only moves the generation, so an upsert
 * that has not reached the API yet stays an upsert, at the newer generation.
 */
export function combine(older: InventoryDelta, newer: InventoryDelta): InventoryDelta {
  if (newer.op === "keep" && older.op === "upsert") return { ...older, generation: newer.generation };
  return newer;
}

/** Snapshot generations only grow, even across restarts (they start from the clock) and within a millisecond. */
export function createGenerationClock(now = Date.now) {
  let last = 0;
  return () => {
    last = Math.max(last + 1, now() * 1000);
    return last;
  };
}
