// The inventory against the fake API server over real HTTP: lists, watches, 410 Gone, drops, resync, CRDs.
import { afterEach, describe, expect, it } from "vitest";
import { loadKubeConfig } from "../kube-api";
import type { FakeKubeApiServer } from "../testing/fake-kube-apiserver";
import { silentLog, startCluster, widget, widgetCrd } from "../testing/kube-fixtures";
import { createInventory, DEFAULT_INVENTORY_OPTIONS, type InventoryOptions } from "./inventory-loop";
import { createWatchOpener } from "./kube-watch";
import { createMirror, fastInventory, until } from "./testing";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: Partial<InventoryOptions> = {}, cluster = {}) {
  const { fake, kube, kubeconfig } = await startCluster({ bookmarkIntervalMs: 100, ...cluster });
  cleanups.push(() => fake.close());
  const mirror = createMirror();
  const inventory = createInventory({
    kube,
    openWatch: createWatchOpener(loadKubeConfig(kubeconfig), 5_000),
    sender: mirror.sender,
    log: silentLog,
    options: { ...DEFAULT_INVENTORY_OPTIONS, ...fastInventory, ...options },
  });
  const stop = new AbortController();
  const running = inventory.run(stop.signal);
  cleanups.push(async () => {
    stop.abort();
    await running;
  });
  return { fake, mirror, inventory };
}

const clusterVersions = (fake: FakeKubeApiServer, kinds?: string[]) =>
  new Map(
    fake
      .allObjects()
      .filter((o) => !kinds || kinds.includes(o.kind))
      .map((o) => [o.metadata.uid as string, o.metadata.resourceVersion as string]),
  );

async function applyOverHttp(fake: FakeKubeApiServer, path: string, body: unknown) {
  const response = await fetch(`${fake.url}${path}?fieldManager=test`, {
    method: "PATCH",
    headers: { "content-type": "application/apply-patch+yaml" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
}

/** The mirror equals the cluster exactly: same uids, each at the cluster's resourceVersion. */
const converged =
  (fake: FakeKubeApiServer, mirror: ReturnType<typeof createMirror>, kinds?: string[]) => async () => {
    const want = clusterVersions(fake, kinds);
    const have = mirror.versions();
    return want.size === have.size && [...want].every(([uid, rv]) => have.get(uid) === rv);
  };

function seed(fake: FakeKubeApiServer, count: number, prefix = "cm") {
  fake.put("namespaces", undefined, "shop");
  for (let i = 0; i < count; i++)
    fake.put("configmaps", "shop", `${prefix}-${i}`, { data: { n: String(i) } });
}

describe("the inventory against a fake API server", () => {
  it("lists in pages, then follows the watch: adds, changes and deletes", async () => {
    const { fake, mirror } = await setup();
    seed(fake, 120);
    await until("the initial sync", converged(fake, mirror));
    const lists = fake.requests.filter((r) => r.path === "/api/v1/configmaps" && r.query.watch === undefined);
    expect(lists.some((r) => r.query.continue)).toBe(true);
    expect(lists.every((r) => r.query.limit === "50")).toBe(true);
    const watches = fake.requests.filter((r) => r.path === "/api/v1/configmaps" && r.query.watch === "true");
    expect(watches[0]?.query).toMatchObject({ allowWatchBookmarks: "true" });

    fake.put("configmaps", "shop", "cm-1", { data: { n: "changed" } });
    fake.put("configmaps", "shop", "fresh", { data: { n: "new" } });
    fake.store.remove(fake.resource("configmaps"), "shop", "cm-2");
    await until("the watched changes", converged(fake, mirror));
    const changed = [...mirror.rows.values()].find(
      (row) => (row.object.metadata as { name: string }).name === "cm-1",
    );
    expect(changed?.object.data).toEqual({ n: "changed" });
  });

  it("never sends a Secret value, nor managedFields or the last-applied annotation", async () => {
    const { fake, mirror } = await setup();
    fake.put("namespaces", undefined, "shop");
    fake.put("secrets", "shop", "db", {
      metadata: {
        name: "db",
        annotations: {
          "kubectl.kubernetes.io/last-applied-configuration": '{"data":{"password":"c3VwZXItc2VjcmV0"}}',
        },
      },
      data: { password: "c3VwZXItc2VjcmV0", user: "YWRtaW4=" },
      stringData: { apiKey: "plain-text-api-key-42" },
    });
    const listed = await until("the secret", () =>
      [...mirror.rows.values()].find((row) => row.kind === "Secret"),
    );
    expect(listed.object.dataKeys).toEqual(["apiKey", "password", "user"]);
    // Changed afterwards, so the watch path is covered too.
    fake.put("secrets", "shop", "db", { data: { password: "bmV3LXNlY3JldC12YWx1ZQ==" } });
    await until("the watched secret", converged(fake, mirror));
    const sent = mirror.payloads.join("\n");
    for (const value of [
      "c3VwZXItc2VjcmV0",
      "super-secret",
      "YWRtaW4=",
      "plain-text-api-key-42",
      "bmV3LXNlY3JldC12YWx1ZQ==",
    ])
      expect(sent).not.toContain(value);
    expect(sent).not.toContain("managedFields");
    expect(sent).not.toContain("last-applied-configuration");
    // The fake's apply released the keys this update no longer sends, as server-side apply does.
    const secret = [...mirror.rows.values()].find((row) => row.kind === "Secret");
    expect(secret?.object.dataKeys).toEqual(["password"]);
  });

  it("relists on a watch ERROR 410 and on an HTTP 410, dropping what vanished in between", async () => {
    const { fake, mirror } = await setup();
    seed(fake, 30);
    await until("the initial sync", converged(fake, mirror));
    // Events the watch will never replay: the history is compacted while the watch is down.
    const listsBefore = fake.requests.filter((r) => r.path === "/api/v1/configmaps" && !r.query.watch).length;
    fake.failNext(503, (r) => r.path === "/api/v1/configmaps" && r.query.watch === "true");
    fake.dropWatches();
    fake.store.remove(fake.resource("configmaps"), "shop", "cm-3");
    fake.put("configmaps", "shop", "cm-4", { data: { n: "missed" } });
    fake.store.compact();
    await until("the relist after the watch ERROR 410", converged(fake, mirror));
    const listsAfter = fake.requests.filter((r) => r.path === "/api/v1/configmaps" && !r.query.watch).length;
    expect(listsAfter).toBeGreaterThan(listsBefore);
    expect(
      [...mirror.rows.values()].some((row) => (row.object.metadata as { name: string }).name === "cm-3"),
    ).toBe(false);

    // Now the server refuses the watch with HTTP 410 itself.
    fake.failNext(410, (r) => r.path === "/api/v1/configmaps" && r.query.watch === "true");
    fake.dropWatches();
    fake.store.remove(fake.resource("configmaps"), "shop", "cm-5");
    await until("the relist after an HTTP 410", converged(fake, mirror));
  });

  it("survives a continue token that expired mid-list", async () => {
    const { fake, mirror } = await setup({ pageSize: 10 });
    seed(fake, 40);
    let expired = false;
    fake.failNext(410, (r) => {
      if (expired || r.path !== "/api/v1/configmaps" || !r.query.continue) return false;
      expired = true;
      return true;
    });
    await until("the sync despite the expired continue token", converged(fake, mirror));
    expect(expired).toBe(true);
  });

  it("resyncs periodically: a change the watch missed is repaired by the full relist", async () => {
    const { fake, mirror } = await setup({ resyncMs: 1_500 });
    seed(fake, 10);
    await until("the initial sync", converged(fake, mirror));
    const cm = fake.store.get(fake.resource("configmaps"), "shop", "cm-0");
    // Tampered with behind the watch's back (no event), as a lost event would leave it.
    const row = mirror.rows.get(cm?.metadata.uid);
    if (row) row.resourceVersion = "tampered";
    mirror.rows.set("ghost-uid", {
      group: "",
      kind: "ConfigMap",
      generation: 0,
      resourceVersion: "1",
      object: {},
    });
    await until("the resync", converged(fake, mirror), 10_000);
  });

  it("watches a CRD's objects once it is established, and forgets them when it goes", async () => {
    const { fake, mirror, inventory } = await setup();
    const before = await until("the first discovery", () => inventory.status().resources);
    await applyOverHttp(
      fake,
      "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com",
      widgetCrd,
    );
    // The fake establishes CRDs after a delay, as the real server does, then serves the new resource.
    await until("the new resource", () => inventory.status().resources === before + 1);
    fake.put("namespaces", undefined, "shop");
    fake.put("widgets", "shop", "w1", widget("w1", "shop") as never, "example.com");
    await until("the widget", () => [...mirror.rows.values()].some((row) => row.kind === "Widget"));
    await until("everything", converged(fake, mirror));

    // Deleting the CRD takes the resource out of discovery.
    const deleted = await fetch(
      `${fake.url}/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com`,
      {
        method: "DELETE",
      },
    );
    expect(deleted.status).toBe(200);
    await until("the widget gone", () => ![...mirror.rows.values()].some((row) => row.kind === "Widget"));
  });

  it("leaves out noisy and excluded kinds, and honours an include list", async () => {
    const { mirror, inventory } = await setup({ exclude: ["configmaps", "pods"], include: undefined });
    await until(
      "a first sync",
      () => inventory.status().listed === inventory.status().resources && mirror.rows.size > 0,
    );
    expect([...mirror.rows.values()].some((row) => row.kind === "ConfigMap")).toBe(false);
    const scoped = await setup({ exclude: [], include: ["namespaces", "nodes"] });
    await until("the included kinds", converged(scoped.fake, scoped.mirror, ["Namespace", "Node"]));
    expect(scoped.inventory.status().resources).toBe(2);
    expect(new Set([...scoped.mirror.rows.values()].map((row) => row.kind))).toEqual(
      new Set(["Namespace", "Node"]),
    );
  });

  it("watches only whole resources that can be listed and watched, past an API group that is down", async () => {
    const { inventory, fake, mirror } = await setup({}, { unavailableApiGroups: ["metrics.k8s.io"] });
    await until("a first sync", converged(fake, mirror));
    await until(
      "every resource listed and watched",
      () =>
        inventory.status().listed === 16 &&
        fake.requests.filter((r) => r.query.watch === "true").length >= 16,
    );
    const watched = fake.requests.filter((r) => r.query.watch === "true").map((r) => r.path);
    expect(watched).toContain("/apis/apps/v1/deployments");
    expect(
      watched.some(
        (path) => path.includes("tokenreviews") || path.includes("/status") || path.includes("/scale"),
      ),
    ).toBe(false);
    expect(watched.some((path) => path.includes("metrics.k8s.io"))).toBe(false);
    // Every served resource but the create-only TokenReview.
    expect(inventory.status().resources).toBe(16);
  });
});
