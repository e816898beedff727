// The agent's inventory end to end: the fake API server, the real agent, the real API over HTTP, a real database.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bearer } from "@meshplane/api/src/testing/identity";
import { listAgents } from "@meshplane/db/queries";
import { inventoryObjects } from "@meshplane/db/schema";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { AgentConfig } from "../env";
import { startAgent } from "../lifecycle";
import type { FakeKubeApiServer } from "../testing/fake-kube-apiserver";
import { silentLog, startCluster, widget, widgetCrd } from "../testing/kube-fixtures";
import { type MeshplaneStack, startMeshplaneStack } from "../testing/meshplane-stack";
import { fastInventory, fastQueue, until } from "./testing";
import { DEFAULT_EXCLUDED } from "./watch-set";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const stack = await startMeshplaneStack();
  cleanups.push(() => stack.close());
  const cluster = await startCluster({ bookmarkIntervalMs: 200 });
  cleanups.push(() => cluster.fake.close());
  const config: AgentConfig = {
    meshplaneUrl: stack.url,
    bootstrapToken: await stack.bootstrapToken(),
    healthPort: 0,
    healthHost: "127.0.0.1",
    shutdownTimeoutMs: 5_000,
    logLevel: "error",
    stateDir: mkdtempSync(join(tmpdir(), "agent-inventory-")),
    credentialStore: "file",
    namespace: "default",
    kubeconfig: cluster.kubeconfig,
    caFile: undefined,
    extraCaFile: undefined,
    httpsProxy: undefined,
    httpProxy: undefined,
    noProxy: undefined,
  };
  const agent = await startAgent(config, {
    log: silentLog,
    version: "9.9.9-test",
    inventory: {
      enabled: true,
      exclude: [...DEFAULT_EXCLUDED],
      include: undefined,
      resyncMs: 60_000,
      pageSize: 50,
      tuning: { ...fastInventory, queue: { ...fastQueue, retry: { baseMs: 100, capMs: 1_000 } } },
    },
  });
  cleanups.push(() => agent.stop());
  const registered = await until(
    "the agent to register",
    async () => (await listAgents(stack.ctx.t.db, { organizationId: stack.orgId }))[0],
  );
  return { stack, fake: cluster.fake, connectionId: registered.connectionId };
}

/** The API's inventory as a user reads it, page by page: uid → resourceVersion. */
async function apiInventory(stack: MeshplaneStack, connectionId: string) {
  const seen = new Map<string, string>();
  let cursor: string | null = null;
  let duplicates = 0;
  do {
    const res = await stack.ctx.app.request(
      `/api/connections/${connectionId}/inventory?orgId=${stack.orgId}&limit=200${cursor ? `&cursor=${cursor}` : ""}`,
      { headers: bearer(stack.user.jwt) },
    );
    const page = (await res.json()) as {
      objects: { uid: string; resourceVersion: string }[];
      next: string | null;
    };
    for (const object of page.objects) {
      if (seen.has(object.uid)) duplicates++;
      seen.set(object.uid, object.resourceVersion);
    }
    cursor = page.next;
  } while (cursor);
  return { versions: seen, duplicates };
}

function matchesCluster(fake: FakeKubeApiServer, stack: MeshplaneStack, connectionId: string) {
  return async () => {
    const want = new Map(
      fake.allObjects().map((o) => [o.metadata.uid as string, o.metadata.resourceVersion as string]),
    );
    const { versions, duplicates } = await apiInventory(stack, connectionId);
    return (
      duplicates === 0 &&
      want.size === versions.size &&
      [...want].every(([uid, rv]) => versions.get(uid) === rv)
    );
  };
}

// As the API server requires of apiextensions.k8s.io/v1: every served version carries its schema.
const widgetCrdWithSchema = {
  ...widgetCrd,
  spec: {
    ...(widgetCrd.spec as Record<string, unknown>),
    versions: [
      {
        name: "v1",
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object" } } } },
      },
    ],
  },
};

async function applyOverHttp(fake: FakeKubeApiServer, path: string, body: unknown) {
  const response = await fetch(`${fake.url}${path}?fieldManager=test`, {
    method: "PATCH",
    headers: { "content-type": "application/apply-patch+yaml" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
}

describe("the inventory, end to end", () => {
  it("mirrors the cluster into the API, keeps Secret values in the cluster and registers CRDs", async () => {
    const { stack, fake, connectionId } = await setup();
    fake.put("namespaces", undefined, "shop");
    for (let i = 0; i < 80; i++) fake.put("configmaps", "shop", `cm-${i}`, { data: { i: String(i) } });
    fake.put("secrets", "shop", "db", {
      data: { password: Buffer.from("correct-horse-battery").toString("base64") },
    });
    await applyOverHttp(
      fake,
      "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com",
      widgetCrdWithSchema,
    );
    await until(
      "the widgets resource",
      async () => (await fetch(`${fake.url}/apis/example.com/v1`)).status === 200,
    );
    fake.put("widgets", "shop", "w1", widget("w1", "shop") as never, "example.com");

    await until("the API to hold exactly the cluster", matchesCluster(fake, stack, connectionId), 30_000);
    const stored = await stack.ctx.t.db
      .select()
      .from(inventoryObjects)
      .where(eq(inventoryObjects.connectionId, connectionId));
    const text = JSON.stringify(stored);
    expect(text).not.toContain(Buffer.from("correct-horse-battery").toString("base64"));
    expect(text).not.toContain("correct-horse-battery");
    expect(text).not.toContain("managedFields");
    expect(stored.find((row) => row.kind === "Secret")?.object).toMatchObject({ dataKeys: ["password"] });

    // The CRD became a registry model of the cluster's organisation: its members read it in that scope.
    const scoped = await stack.ctx.app.request(`/api/registry/models/example-com?orgId=${stack.orgId}`, {
      headers: bearer(stack.user.jwt),
    });
    expect(scoped.status).toBe(200);
    const detail = (await scoped.json()) as {
      model: { discovered: boolean; source: string; organizationId: string };
      components: { items: { kind: string; apiVersion: string }[] };
    };
    expect(detail.model).toMatchObject({ discovered: true, source: "crd", organizationId: stack.orgId });
    expect(detail.components.items.map((c) => `${c.apiVersion} ${c.kind}`)).toEqual([
      "example.com/v1 Widget",
    ]);
    // The public registry, read anonymously, lists neither the model nor its kind.
    const anonymous = await stack.ctx.app.request("/api/registry/models?pageSize=100");
    expect(anonymous.status).toBe(200);
    expect(await anonymous.text()).not.toContain("example-com");
    expect((await stack.ctx.app.request("/api/registry/models/example-com")).status).toBe(404);
    const widgets = await stack.ctx.app.request("/api/registry/components?kind=Widget");
    expect(((await widgets.json()) as { totalCount: number }).totalCount).toBe(0);

    const kinds = await stack.ctx.app.request(
      `/api/connections/${connectionId}/inventory/kinds?orgId=${stack.orgId}`,
      {
        headers: bearer(stack.user.jwt),
      },
    );
    expect(((await kinds.json()) as { kinds: { kind: string; count: number }[] }).kinds).toContainEqual({
      apiGroup: "",
      kind: "ConfigMap",
      count: 80,
    });
  });

  it("ends equal to the cluster after the network drops during a sync: nothing lost, nothing doubled", async () => {
    const { stack, fake, connectionId } = await setup();
    fake.put("namespaces", undefined, "shop");
    for (let i = 0; i < 1_000; i++) fake.put("configmaps", "shop", `cm-${i}`, { data: { i: String(i) } });
    // Mid-sync: the API refuses inventory batches, then disappears altogether while the cluster churns.
    await until("the first batches", async () => (await apiInventory(stack, connectionId)).versions.size > 0);
    let refused = 0;
    stack.refuse((request) => {
      const inventory = request.url.endsWith("/api/agents/inventory");
      if (inventory) refused++;
      return inventory;
    });
    const down = stack.restart(3_000);
    for (let round = 0; round < 5; round++) {
      fake.dropWatches();
      for (let i = 0; i < 20; i++) {
        const n = round * 20 + i;
        fake.put("configmaps", "shop", `cm-${n}`, { data: { i: `changed-${round}` } });
        fake.store.remove(fake.resource("configmaps"), "shop", `cm-${999 - n}`);
        fake.put("configmaps", "shop", `late-${n}`, { data: { i: "new" } });
      }
      // The watch history is lost too, so the agent's next watch gets 410 Gone and must relist.
      if (round === 2) fake.store.compact();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await down;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    stack.refuse(undefined);

    expect(refused).toBeGreaterThan(0);
    await until("the API to hold exactly the cluster", matchesCluster(fake, stack, connectionId), 45_000);
    const rows = await stack.ctx.t.db
      .select({ uid: inventoryObjects.uid })
      .from(inventoryObjects)
      .where(eq(inventoryObjects.connectionId, connectionId));
    expect(rows.length).toBe(fake.allObjects().length);
    expect(new Set(rows.map((row) => row.uid)).size).toBe(rows.length);
    // The relist really happened: a list after the compaction.
    expect(
      fake.requests.filter((r) => r.path === "/api/v1/configmaps" && !r.query.watch && !r.query.continue)
        .length,
    ).toBeGreaterThan(1);
  });
});
