// Owns the agent's outgoing inventory: coalesced per key, flushed by size or interval, retried until accepted.
import { backoffDelay, sleep } from "../backoff";
import type { Logger } from "../log";
import { MeshplaneApiError } from "../meshplane-client";
import { combine, type InventoryDelta, keyOf } from "./deltas";

export interface InventorySender {
  send(deltas: InventoryDelta[], signal?: AbortSignal): Promise<{ missing: string[] }>;
}

export interface DeltaQueueOptions {
  maxBatch: number;
  /** Bound on a batch's JSON; the API refuses bodies over 1 MiB. */
  maxBytes: number;
  flushIntervalMs: number;
  /** Producers wait in `ready()` while this many deltas are queued, so memory stays bounded. */
  highWater: number;
  retry: { baseMs: number; capMs: number };
}

export const DEFAULT_QUEUE_OPTIONS: DeltaQueueOptions = {
  maxBatch: 500,
  maxBytes: 512 * 1024,
  flushIntervalMs: 1_000,
  highWater: 2_000,
  retry: { baseMs: 500, capMs: 30_000 },
};

type Queued = { delta: InventoryDelta; bytes: number };

// Room for `{"deltas":[` and `]}`.
const ENVELOPE_BYTES = 16;

/** An object too large for any batch goes as its metadata alone, marked so the browser can say so. */
function fitted(delta: InventoryDelta, maxBytes: number): Queued {
  let bytes = Buffer.byteLength(JSON.stringify(delta));
  if (delta.op === "upsert" && bytes + ENVELOPE_BYTES > maxBytes) {
    const { apiVersion, kind, metadata } = delta.object as Record<string, unknown>;
    const reduced = { ...delta, object: { apiVersion, kind, metadata, truncated: true } };
    bytes = Buffer.byteLength(JSON.stringify(reduced));
    return { delta: reduced, bytes };
  }
  return { delta, bytes };
}

export function createDeltaQueue(
  sender: InventorySender,
  log: Logger,
  hooks: { onMissing?: (uids: string[]) => void } = {},
  options: DeltaQueueOptions = DEFAULT_QUEUE_OPTIONS,
) {
  let pending = new Map<string, Queued>();
  let firstQueuedAt = 0;
  let wake: (() => void) | undefined;
  let drainedWaiters: (() => void)[] = [];
  let sent = 0;

  function put(into: Map<string, Queued>, entry: Queued) {
    const key = keyOf(entry.delta);
    const previous = into.get(key);
    // Deleted and re-added, so the map's order stays the order in which the latest states happened.
    into.delete(key);
    into.set(key, previous ? fitted(combine(previous.delta, entry.delta), options.maxBytes) : entry);
  }

  function notifyRoom() {
    if (pending.size >= options.highWater) return;
    const waiters = drainedWaiters;
    drainedWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function takeBatch(): Queued[] {
    const batch: Queued[] = [];
    let bytes = ENVELOPE_BYTES;
    for (const [key, entry] of pending) {
      if (batch.length >= options.maxBatch) break;
      if (batch.length > 0 && bytes + entry.bytes + 1 > options.maxBytes) break;
      batch.push(entry);
      bytes += entry.bytes + 1;
      pending.delete(key);
    }
    return batch;
  }

  /** A failed batch goes back in front; anything queued since then is newer and combines on top. */
  function restore(batch: Queued[]) {
    const merged = new Map<string, Queued>();
    for (const entry of batch) merged.set(keyOf(entry.delta), entry);
    for (const entry of pending.values()) put(merged, entry);
    pending = merged;
  }

  function due(): boolean {
    return (
      pending.size >= options.maxBatch ||
      (pending.size > 0 && Date.now() - firstQueuedAt >= options.flushIntervalMs)
    );
  }

  return {
    get size() {
      return pending.size;
    },
    /** Deltas the API accepted so far. */
    get sent() {
      return sent;
    },
    push(delta: InventoryDelta) {
      if (pending.size === 0) firstQueuedAt = Date.now();
      put(pending, fitted(delta, options.maxBytes));
      if (pending.size >= options.maxBatch) wake?.();
    },
    /** Resolves once there is room (or `signal` aborts): producers await it between pages and events. */
    ready(signal?: AbortSignal): Promise<void> {
      if (pending.size < options.highWater || signal?.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        drainedWaiters.push(resolve);
        signal?.addEventListener("abort", () => resolve(), { once: true });
      });
    },
    async run(signal: AbortSignal): Promise<void> {
      let failures = 0;
      while (!signal.aborted) {
        if (!due()) {
          const woken = new AbortController();
          wake = () => woken.abort();
          const wait =
            pending.size > 0
              ? options.flushIntervalMs - (Date.now() - firstQueuedAt)
              : options.flushIntervalMs;
          await sleep(Math.max(wait, 10), AbortSignal.any([signal, woken.signal]));
          wake = undefined;
          continue;
        }
        const batch = takeBatch();
        try {
          const { missing } = await sender.send(
            batch.map((entry) => entry.delta),
            signal,
          );
          failures = 0;
          sent += batch.length;
          if (missing.length > 0) hooks.onMissing?.(missing);
        } catch (error) {
          const refused = error instanceof MeshplaneApiError && [400, 413, 422].includes(error.status);
          if (refused) {
            // The API will refuse these again however often they are sent; the next resync sends them anew.
            log.error("the API refused an inventory batch; dropping it", {
              deltas: batch.length,
              err: error,
            });
          } else {
            restore(batch);
            if (signal.aborted) return;
            log.warn("sending inventory failed, will retry", { deltas: batch.length, err: error });
            await sleep(backoffDelay(failures++, options.retry), signal);
          }
        }
        // What stayed queued is as old as the backlog it came with, so it goes without another wait.
        notifyRoom();
      }
    },
  };
}

export type DeltaQueue = ReturnType<typeof createDeltaQueue>;
