// Owns the fake API server's watch streams: replay from a resourceVersion, bookmarks, timeouts, 410 Gone.
import type { ServerResponse } from "node:http";
import { apiVersionOf, type FakeResource } from "./fake-kube-resources";
import type { ObjectStore, WatchEvent } from "./fake-kube-store";

export function serveWatch(
  store: ObjectStore,
  resource: FakeResource,
  namespace: string | undefined,
  query: Record<string, string>,
  res: ServerResponse,
  bookmarkIntervalMs: number,
): void {
  res.writeHead(200, { "content-type": "application/json", "transfer-encoding": "chunked" });
  const write = (line: unknown) => res.write(`${JSON.stringify(line)}\n`);
  const from = query.resourceVersion ? Number(query.resourceVersion) : store.resourceVersion;
  // Like the real server: a too-old resourceVersion is an ERROR event carrying a 410 Status, then the end.
  if (from + 1 < store.oldestWatchable) {
    write({
      type: "ERROR",
      object: {
        kind: "Status",
        apiVersion: "v1",
        status: "Failure",
        code: 410,
        reason: "Expired",
        message: `too old resource version: ${from} (${store.oldestWatchable})`,
      },
    });
    res.end();
    return;
  }
  const relevant = (event: WatchEvent) =>
    event.resource === resource &&
    (!namespace || event.object.metadata?.namespace === namespace) &&
    event.rv > from;
  for (const event of store.history()) if (relevant(event)) write({ type: event.type, object: event.object });
  const unsubscribe = store.subscribe((event) => {
    if (relevant(event)) write({ type: event.type, object: event.object });
  });
  const bookmarks =
    query.allowWatchBookmarks === "true"
      ? setInterval(
          () =>
            write({
              type: "BOOKMARK",
              object: {
                kind: resource.kind,
                apiVersion: apiVersionOf(resource),
                metadata: { resourceVersion: String(store.resourceVersion) },
              },
            }),
          bookmarkIntervalMs,
        )
      : undefined;
  const timeout = query.timeoutSeconds
    ? setTimeout(() => res.end(), Number(query.timeoutSeconds) * 1000)
    : undefined;
  res.once("close", () => {
    unsubscribe();
    clearInterval(bookmarks);
    clearTimeout(timeout);
  });
}
