// Test helpers for the inventory: an in-memory receiver with the API's delta semantics, and timing for tests.
import { MeshplaneApiError } from "../meshplane-client";
import type { DeltaQueueOptions, InventorySender } from "./delta-queue";
import type { InventoryDelta } from "./deltas";
import type { InventoryOptions } from "./inventory-loop";

type Row = {
  group: string;
  kind: string;
  generation: number;
  resourceVersion: string;
  object: Record<string, unknown>;
};

const groupOf = (apiVersion: string) => (apiVersion.includes("/") ? (apiVersion.split("/")[0] ?? "") : "");

/** What the API's inventory table would hold, applying deltas in order as `applyInventoryDeltas` does. */
export function createMirror() {
  const rows = new Map<string, Row>();
  const payloads: string[] = [];
  let refusing = false;
  const sender: InventorySender = {
    async send(deltas) {
      if (refusing) throw new MeshplaneApiError(0, "UNREACHABLE", "the test cut the network");
      payloads.push(JSON.stringify({ deltas }));
      return { missing: apply(deltas) };
    },
  };
  function apply(deltas: InventoryDelta[]): string[] {
    const missing: string[] = [];
    for (const delta of deltas) {
      if (delta.op === "upsert") {
        rows.set(delta.uid, {
          group: groupOf(delta.apiVersion),
          kind: delta.kind,
          generation: delta.generation,
          resourceVersion: delta.resourceVersion,
          object: delta.object,
        });
      } else if (delta.op === "keep") {
        const row = rows.get(delta.uid);
        if (row && row.resourceVersion === delta.resourceVersion) row.generation = delta.generation;
        else missing.push(delta.uid);
      } else if (delta.op === "delete") rows.delete(delta.uid);
      else if (delta.op === "snapshot") {
        for (const [uid, row] of rows)
          if (row.group === delta.group && row.kind === delta.kind && row.generation !== delta.generation)
            rows.delete(uid);
      } else {
        const kept = new Set(delta.resources.map((r) => `${r.group}/${r.kind}`));
        for (const [uid, row] of rows) if (!kept.has(`${row.group}/${row.kind}`)) rows.delete(uid);
      }
    }
    return missing;
  }
  return {
    sender,
    rows,
    payloads,
    refuse(on: boolean) {
      refusing = on;
    },
    /** uid → resourceVersion, to compare with the cluster. */
    versions: () => new Map([...rows].map(([uid, row]) => [uid, row.resourceVersion])),
  };
}

export const fastQueue: DeltaQueueOptions = {
  maxBatch: 100,
  maxBytes: 256 * 1024,
  flushIntervalMs: 50,
  highWater: 300,
  retry: { baseMs: 20, capMs: 200 },
};

export const fastInventory: Partial<InventoryOptions> = {
  pageSize: 50,
  watchSeconds: [30, 60],
  retry: { baseMs: 20, capMs: 300 },
  discoveryMs: 60_000,
  queue: fastQueue,
};

export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as T;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
