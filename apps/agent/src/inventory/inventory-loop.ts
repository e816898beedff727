// Owns the inventory as a whole: the watch set from discovery, one list/watch loop per resource, one outgoing queue.
import { type BackoffPolicy, backoffDelay, sleep } from "../backoff";
import type { KubeApi } from "../kube-api";
import type { Logger } from "../log";
import {
  createDeltaQueue,
  DEFAULT_QUEUE_OPTIONS,
  type DeltaQueueOptions,
  type InventorySender,
} from "./delta-queue";
import { createGenerationClock } from "./deltas";
import type { OpenWatch } from "./kube-watch";
import { createResourceSync, type ResourceSync, type ResourceSyncOptions } from "./resource-sync";
import { discoverWatchSet, type WatchSetFilter } from "./watch-set";

export interface InventoryOptions extends ResourceSyncOptions, WatchSetFilter {
  /** Discovery is refreshed this often, and soon after a CRD changes. */
  discoveryMs: number;
  queue: DeltaQueueOptions;
}

export const DEFAULT_INVENTORY_OPTIONS: InventoryOptions = {
  exclude: [],
  pageSize: 500,
  resyncMs: 30 * 60_000,
  watchSeconds: [300, 600],
  retry: { baseMs: 1_000, capMs: 60_000 },
  discoveryMs: 5 * 60_000,
  queue: DEFAULT_QUEUE_OPTIONS,
};

export interface InventoryDeps {
  kube: KubeApi;
  openWatch: OpenWatch;
  sender: InventorySender;
  log: Logger;
  options: InventoryOptions;
}

const CRD_KEY = "customresourcedefinitions.apiextensions.k8s.io";
const DISCOVERY_DEBOUNCE_MS = 1_000;

export function createInventory(deps: InventoryDeps) {
  const { log, options } = deps;
  const nextGeneration = createGenerationClock();
  const running = new Map<string, { sync: ResourceSync; stop: AbortController; done: Promise<void> }>();
  let rediscover: (() => void) | undefined;
  const queue = createDeltaQueue(
    deps.sender,
    log,
    {
      onMissing(uids) {
        for (const uid of uids) for (const { sync } of running.values()) if (sync.forget(uid)) break;
      },
    },
    options.queue,
  );

  async function refresh(signal: AbortSignal): Promise<void> {
    const watchSet = await discoverWatchSet(deps.kube, options, log);
    const wanted = new Map(watchSet.map((resource) => [resource.key, resource]));
    let changed = false;
    for (const [key, entry] of running) {
      const next = wanted.get(key);
      if (next && next.apiVersion === entry.sync.resource.apiVersion) continue;
      entry.stop.abort();
      await entry.done;
      running.delete(key);
      changed = true;
      // Nothing of it is watched any more: an empty snapshot tells the API to drop what it holds.
      const { group, kind } = entry.sync.resource;
      if (!next) queue.push({ op: "snapshot", group, kind, generation: nextGeneration() });
    }
    for (const resource of watchSet) {
      if (running.has(resource.key)) continue;
      changed = true;
      const sync = createResourceSync(resource, {
        kube: deps.kube,
        openWatch: deps.openWatch,
        queue,
        nextGeneration,
        log,
        options,
        ...(resource.key === CRD_KEY ? { onChange: () => rediscover?.() } : {}),
      });
      const stop = new AbortController();
      const done = sync.run(AbortSignal.any([signal, stop.signal]));
      running.set(resource.key, { sync, stop, done });
    }
    if (changed) {
      queue.push({ op: "scope", resources: watchSet.map(({ group, kind }) => ({ group, kind })) });
      log.info("inventory watch set", { resources: watchSet.length });
    }
  }

  async function discoverLoop(signal: AbortSignal, retry: BackoffPolicy): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        await refresh(signal);
        failures = 0;
      } catch (error) {
        if (signal.aborted) return;
        log.warn("inventory discovery failed, will retry", { err: error });
        await sleep(backoffDelay(failures++, retry), signal);
        continue;
      }
      const woken = new AbortController();
      let debounce: NodeJS.Timeout | undefined;
      rediscover = () => {
        clearTimeout(debounce);
        debounce = setTimeout(() => woken.abort(), DISCOVERY_DEBOUNCE_MS);
      };
      await sleep(options.discoveryMs, AbortSignal.any([signal, woken.signal]));
      clearTimeout(debounce);
    }
  }

  return {
    queue,
    /** How far the inventory got: resources watched, how many finished their first list, deltas accepted. */
    status() {
      const syncs = [...running.values()].map((entry) => entry.sync);
      return {
        resources: syncs.length,
        listed: syncs.filter((sync) => sync.listed).length,
        objects: syncs.reduce((sum, sync) => sum + sync.objects, 0),
        queued: queue.size,
        sent: queue.sent,
      };
    },
    async run(signal: AbortSignal): Promise<void> {
      const sending = queue.run(signal);
      await discoverLoop(signal, options.retry);
      await Promise.allSettled([...running.values()].map((entry) => entry.done));
      await sending;
    },
  };
}

export type Inventory = ReturnType<typeof createInventory>;
