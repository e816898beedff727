// Owns one resource's list/watch loop: paginated relists, watches with bookmarks, 410 Gone, periodic resync.
import { type BackoffPolicy, backoffDelay, sleep } from "../backoff";
import { type KubeApi, type KubeBody, statusMessage } from "../kube-api";
import type { Logger } from "../log";
import type { InventoryDelta } from "./deltas";
import { type OpenWatch, WatchRefused } from "./kube-watch";
import { stripObject } from "./strip";
import { collectionPath, type WatchedResource } from "./watch-set";

export interface ResourceSyncOptions {
  pageSize: number;
  resyncMs: number;
  /** The server ends each watch after a random time in this range (seconds); the agent then re-watches. */
  watchSeconds: [number, number];
  retry: BackoffPolicy;
}

export interface ResourceSyncDeps {
  kube: KubeApi;
  openWatch: OpenWatch;
  queue: { push(delta: InventoryDelta): void; ready(signal?: AbortSignal): Promise<void> };
  nextGeneration: () => number;
  log: Logger;
  options: ResourceSyncOptions;
  /** Called after an object of this resource was listed changed, watched changing or gone (CRDs change discovery). */
  onChange?: () => void;
}

/** The resourceVersion is too old for the server: only a fresh list can continue. */
class Gone extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Gone";
  }
}

const between = ([min, max]: [number, number]) => Math.round(min + Math.random() * (max - min));

export function createResourceSync(resource: WatchedResource, deps: ResourceSyncDeps) {
  const { kube, queue, log, options } = deps;
  // uid → resourceVersion of what was last queued; the objects themselves are never kept.
  const known = new Map<string, string>();
  let generation = 0;
  let resourceVersion: string | undefined;
  let relistRequested = false;
  let listed = false;
  let interrupt: AbortController | undefined;

  function record(item: KubeBody, atGeneration: number, seen?: Set<string>): void {
    const uid: unknown = item?.metadata?.uid;
    const rv: unknown = item?.metadata?.resourceVersion;
    if (typeof uid !== "string" || typeof rv !== "string") return;
    seen?.add(uid);
    if (known.get(uid) === rv) {
      // Listed again unchanged: only the generation moves, so the API keeps it through the snapshot.
      if (seen) queue.push({ op: "keep", uid, resourceVersion: rv, generation: atGeneration });
      return;
    }
    known.set(uid, rv);
    const namespace: unknown = item.metadata.namespace;
    queue.push({
      op: "upsert",
      uid,
      apiVersion: resource.apiVersion,
      kind: resource.kind,
      ...(typeof namespace === "string" && namespace ? { namespace } : {}),
      name: String(item.metadata.name ?? ""),
      resourceVersion: rv,
      generation: atGeneration,
      object: stripObject(item, resource),
    });
    // Also during a list: a CRD established between discovery and this list has no event still to come.
    deps.onChange?.();
  }

  async function relist(signal: AbortSignal): Promise<string> {
    const atGeneration = deps.nextGeneration();
    const seen = new Set<string>();
    let token: string | undefined;
    let listRv = "";
    do {
      const response = await kube.request("GET", collectionPath(resource), {
        query: { limit: options.pageSize, ...(token ? { continue: token } : {}) },
      });
      if (response.status === 410)
        throw new Gone(`the list's continue token expired: ${statusMessage(response)}`);
      if (response.status !== 200)
        throw new Error(`listing ${resource.key} failed: ${statusMessage(response)}`);
      for (const item of response.body?.items ?? []) record(item, atGeneration, seen);
      listRv = String(response.body?.metadata?.resourceVersion ?? "");
      token = response.body?.metadata?.continue || undefined;
      await queue.ready(signal);
      if (signal.aborted) throw new Error("stopped");
    } while (token);
    let vanished = 0;
    for (const uid of known.keys()) {
      if (!seen.has(uid)) {
        known.delete(uid);
        vanished++;
      }
    }
    // After every object of the list: the API drops what this generation did not report.
    queue.push({ op: "snapshot", group: resource.group, kind: resource.kind, generation: atGeneration });
    generation = atGeneration;
    if (vanished > 0) deps.onChange?.();
    listed = true;
    return listRv;
  }

  async function watch(from: string, signal: AbortSignal, onProgress: () => void): Promise<void> {
    const query = {
      resourceVersion: from,
      allowWatchBookmarks: "true",
      timeoutSeconds: String(between(options.watchSeconds)),
    };
    try {
      for await (const event of deps.openWatch(collectionPath(resource), query, signal)) {
        const object = event.object;
        if (event.type === "ERROR") {
          if (object?.code === 410) throw new Gone(String(object.message ?? "too old resource version"));
          throw new Error(`the watch of ${resource.key} failed: ${object?.message ?? "unknown error"}`);
        }
        const rv = object?.metadata?.resourceVersion;
        if (event.type === "DELETED") {
          const uid = object?.metadata?.uid;
          if (typeof uid === "string" && known.delete(uid)) {
            queue.push({ op: "delete", uid });
            deps.onChange?.();
          }
        } else if (event.type === "ADDED" || event.type === "MODIFIED") {
          record(object, generation);
        }
        if (typeof rv === "string" && rv) resourceVersion = rv;
        onProgress();
        await queue.ready(signal);
      }
    } catch (error) {
      if (error instanceof WatchRefused && error.status === 410) throw new Gone(error.message);
      throw error;
    }
  }

  return {
    resource,
    get objects() {
      return known.size;
    },
    /** True once the first full list was queued. */
    get listed() {
      return listed;
    },
    /** The API lost `uid`: forget its version and relist, so it is sent whole again. */
    forget(uid: string): boolean {
      if (!known.delete(uid)) return false;
      relistRequested = true;
      interrupt?.abort();
      return true;
    },
    async run(signal: AbortSignal): Promise<void> {
      let failures = 0;
      let resyncAt = 0;
      while (!signal.aborted) {
        const stop = new AbortController();
        interrupt = stop;
        try {
          if (resourceVersion === undefined || relistRequested || Date.now() >= resyncAt) {
            relistRequested = false;
            resourceVersion = await relist(signal);
            resyncAt = Date.now() + options.resyncMs * (0.9 + Math.random() * 0.2);
            failures = 0;
          }
          const timer = setTimeout(() => stop.abort(), Math.max(resyncAt - Date.now(), 0));
          let progressed = false;
          try {
            await watch(resourceVersion, AbortSignal.any([signal, stop.signal]), () => {
              progressed = true;
              failures = 0;
            });
          } finally {
            clearTimeout(timer);
          }
          // A watch that ends at once without a word (a proxy closing it) must not become a tight loop.
          if (!progressed) await sleep(backoffDelay(failures++, options.retry), signal);
        } catch (error) {
          if (signal.aborted) return;
          if (stop.signal.aborted) continue;
          if (error instanceof Gone) {
            log.info("resourceVersion expired, relisting", { resource: resource.key });
            resourceVersion = undefined;
            continue;
          }
          log.warn("inventory watch interrupted, will retry", { resource: resource.key, err: error });
          await sleep(backoffDelay(failures++, options.retry), signal);
        }
      }
    },
  };
}

export type ResourceSync = ReturnType<typeof createResourceSync>;
