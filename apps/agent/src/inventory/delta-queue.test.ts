import { describe, expect, it } from "vitest";
import { MeshplaneApiError } from "../meshplane-client";
import { silentLog } from "../testing/kube-fixtures";
import { createDeltaQueue, type InventorySender } from "./delta-queue";
import type { InventoryDelta } from "./deltas";
import { fastQueue, until } from "./testing";

const upsert = (
  uid: string,
  rv: string,
  generation = 1,
  object: Record<string, unknown> = {},
): InventoryDelta => ({
  op: "upsert",
  uid,
  apiVersion: "v1",
  kind: "ConfigMap",
  name: uid,
  resourceVersion: rv,
  generation,
  object: { metadata: { name: uid }, ...object },
});

function recordingSender(failFirst = 0) {
  const batches: InventoryDelta[][] = [];
  let calls = 0;
  const sender: InventorySender = {
    async send(deltas) {
      calls++;
      if (calls <= failFirst) throw new MeshplaneApiError(503, "SERVICE_UNAVAILABLE", "down");
      batches.push(deltas);
      return { missing: [] };
    },
  };
  return { sender, batches, calls: () => calls };
}

describe("the delta queue", () => {
  it("coalesces per uid (the last state wins) and flushes after the interval", async () => {
    const { sender, batches } = recordingSender();
    const queue = createDeltaQueue(sender, silentLog, {}, { ...fastQueue, flushIntervalMs: 200 });
    const stop = new AbortController();
    const running = queue.run(stop.signal);
    queue.push(upsert("a", "1"));
    queue.push(upsert("b", "2"));
    queue.push(upsert("a", "3"));
    queue.push({ op: "keep", uid: "a", resourceVersion: "3", generation: 2 });
    queue.push({ op: "delete", uid: "b" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(batches).toEqual([]);
    await until("the flush", () => batches.length === 1);
    expect(batches[0]).toEqual([
      { ...upsert("a", "3"), generation: 2 },
      { op: "delete", uid: "b" },
    ]);
    stop.abort();
    await running;
  });

  it("flushes by count and by bytes before the interval, and bounds what is queued", async () => {
    const { sender, batches } = recordingSender();
    const queue = createDeltaQueue(
      sender,
      silentLog,
      {},
      {
        ...fastQueue,
        maxBatch: 10,
        maxBytes: 4_000,
        flushIntervalMs: 60_000,
        highWater: 20,
      },
    );
    const stop = new AbortController();
    const running = queue.run(stop.signal);
    for (let i = 0; i < 45; i++) {
      await queue.ready();
      expect(queue.size).toBeLessThanOrEqual(20);
      queue.push(upsert(`u${i}`, "1", 1, { data: { blob: "x".repeat(600) } }));
    }
    await until("batches by size", () => batches.flat().length >= 40);
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(10);
      expect(Buffer.byteLength(JSON.stringify({ deltas: batch }))).toBeLessThanOrEqual(4_000);
    }
    stop.abort();
    await running;
  });

  it("retries a failed batch without losing it, combining it with what was queued meanwhile", async () => {
    const { sender, batches, calls } = recordingSender(3);
    const queue = createDeltaQueue(sender, silentLog, {}, fastQueue);
    const stop = new AbortController();
    const running = queue.run(stop.signal);
    queue.push(upsert("a", "1"));
    queue.push(upsert("b", "1"));
    await until("the first failure", () => calls() >= 1);
    // While the batch is failing: a newer "b", a keep for "a" at generation 2, a new "c".
    queue.push(upsert("b", "2"));
    queue.push({ op: "keep", uid: "a", resourceVersion: "1", generation: 2 });
    queue.push(upsert("c", "1"));
    await until("a successful send", () => batches.flat().length >= 3);
    expect(batches.flat()).toEqual([
      upsert("b", "2"),
      { ...upsert("a", "1"), generation: 2 },
      upsert("c", "1"),
    ]);
    stop.abort();
    await running;
  });

  it("sends an object too large for any batch as its metadata alone", async () => {
    const { sender, batches } = recordingSender();
    const queue = createDeltaQueue(sender, silentLog, {}, { ...fastQueue, maxBytes: 2_000 });
    const stop = new AbortController();
    const running = queue.run(stop.signal);
    queue.push(upsert("huge", "1", 1, { data: { blob: "x".repeat(10_000) } }));
    await until("the flush", () => batches.length === 1);
    expect(batches[0]?.[0]).toMatchObject({
      op: "upsert",
      object: { metadata: { name: "huge" }, truncated: true },
    });
    stop.abort();
    await running;
  });
});
