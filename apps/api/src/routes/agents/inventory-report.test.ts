import { compareVersions, listEvents } from "@meshplane/db/queries";
import { models } from "@meshplane/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";
import { createAgentTestApp, installAgent, postJson, type Registered } from "./testing";

const configMap = (uid: string, name: string, generation = 1) => ({
  op: "upsert",
  uid,
  apiVersion: "v1",
  kind: "ConfigMap",
  namespace: "shop",
  name,
  resourceVersion: "7",
  generation,
  object: {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name, namespace: "shop", uid },
    data: { a: "b" },
  },
});

const crd = (uid: string, plural: string, kind: string, generation = 1) => ({
  op: "upsert",
  uid,
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  name: `${plural}.inventory.example.com`,
  resourceVersion: String(generation),
  generation: 1,
  object: {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${plural}.inventory.example.com`, uid, generation },
    spec: {
      group: "inventory.example.com",
      scope: "Namespaced",
      names: { plural, kind },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object" } } } },
        },
      ],
    },
  },
});

describe("POST /api/agents/inventory", () => {
  let ctx: TestApp;
  let user: SignedIn;
  let agent: Registered;
  beforeAll(async () => {
    ctx = await createAgentTestApp();
    user = await signIn(ctx);
    agent = await installAgent(ctx, user);
  });
  afterAll(() => ctx.close());

  const report = (deltas: unknown[], who = agent) =>
    postJson(ctx, "/api/agents/inventory", { deltas }, who.credential);
  const kinds = async (who = agent, as = user) => {
    const res = await ctx.app.request(
      `/api/connections/${who.connectionId}/inventory/kinds?orgId=${who.organizationId}`,
      { headers: bearer(as.jwt) },
    );
    return { status: res.status, body: (await res.json()) as { kinds: unknown[]; total: number } };
  };

  it("applies a batch once however often it is sent", async () => {
    const batch = [
      configMap("u-1", "one"),
      configMap("u-2", "two"),
      { op: "snapshot", group: "", kind: "ConfigMap", generation: 1 },
    ];
    for (let i = 0; i < 3; i++) {
      const res = await report(batch);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ applied: 3, missing: [], refused: [] });
    }
    expect((await kinds()).body).toEqual({
      kinds: [{ apiGroup: "", kind: "ConfigMap", count: 2 }],
      total: 2,
    });
    // A relist at generation 2 that saw only "one": "two" vanished while nobody watched.
    const relist = await report([
      { op: "keep", uid: "u-1", resourceVersion: "7", generation: 2 },
      { op: "keep", uid: "u-unknown", resourceVersion: "7", generation: 2 },
      { op: "snapshot", group: "", kind: "ConfigMap", generation: 2 },
    ]);
    expect(await relist.json()).toEqual({ applied: 3, missing: ["u-unknown"], refused: [] });
    expect((await kinds()).body.total).toBe(1);
  });

  it("turns CRDs into one registry model per group, with every CRD of the group, in the organisation's scope", async () => {
    expect((await report([crd("crd-a", "gadgets", "Gadget"), crd("crd-b", "gizmos", "Gizmo")])).status).toBe(
      200,
    );
    const [model] = await ctx.t.db.select().from(models).where(eq(models.name, "inventory-example-com"));
    expect(model?.version).toMatch(/^0\.0\.0-crd\.[0-9a-f]{12}$/);
    // Stored as the reporting organisation's own model, never in the shared registry.
    expect(model?.organizationId).toBe(agent.organizationId);
    // Below any curated release of the same model, so it never becomes the version shown by default.
    expect(compareVersions(model?.version ?? "", "0.0.1")).toBeLessThan(0);

    // The organisation's members read it through the registry in the organisation's scope, marked as discovered.
    const scoped = await ctx.app.request(
      `/api/registry/models/inventory-example-com?orgId=${agent.organizationId}`,
      { headers: bearer(user.jwt) },
    );
    expect(scoped.status).toBe(200);
    const detail = (await scoped.json()) as {
      model: { id: string; discovered: boolean; source: string; organizationId: string };
      components: { items: { kind: string; apiVersion: string }[] };
    };
    expect(detail.model).toMatchObject({
      id: model?.id,
      discovered: true,
      source: "crd",
      organizationId: agent.organizationId,
    });
    expect(detail.components.items.map((c) => `${c.apiVersion} ${c.kind}`).sort()).toEqual([
      "inventory.example.com/v1 Gadget",
      "inventory.example.com/v1 Gizmo",
    ]);

    // The public registry, read anonymously, lists neither the model nor its kinds.
    const anonymous = await ctx.app.request("/api/registry/models?pageSize=100");
    expect(anonymous.status).toBe(200);
    expect(await anonymous.text()).not.toContain("inventory-example-com");
    expect((await ctx.app.request("/api/registry/models/inventory-example-com")).status).toBe(404);
    const kindsAnonymously = await ctx.app.request("/api/registry/components?q=Gadget");
    expect(((await kindsAnonymously.json()) as { totalCount: number }).totalCount).toBe(0);
    // Nor does another tenant, in its own organisation's scope or by asking for ours.
    const stranger = await signIn(ctx);
    const theirs = await ctx.app.request(
      `/api/registry/models?orgId=${stranger.personalOrgId}&q=inventory-example-com`,
      { headers: bearer(stranger.jwt) },
    );
    expect(((await theirs.json()) as { totalCount: number }).totalCount).toBe(0);
    const ours = await ctx.app.request(
      `/api/registry/models/inventory-example-com?orgId=${agent.organizationId}`,
      { headers: bearer(stranger.jwt) },
    );
    expect(ours.status).toBe(404);

    // Sending the same CRDs again (a relist) adds no model version.
    await report([crd("crd-a", "gadgets", "Gadget"), crd("crd-b", "gizmos", "Gizmo")]);
    expect(await ctx.t.db.select().from(models).where(eq(models.name, "inventory-example-com"))).toHaveLength(
      1,
    );
  });

  it("accepts a malformed CRD into the inventory without failing the batch", async () => {
    const broken = crd("crd-broken", "broken", "Broken");
    (broken.object.spec as Record<string, unknown>).versions = "not a list";
    const res = await report([broken]);
    expect(res.status).toBe(200);
  });

  it("stores objects holding NUL characters, which PostgreSQL cannot, and refuses them in names", async () => {
    const nul = configMap("u-nul", "nul");
    (nul.object as Record<string, unknown>).data = { "a\u0000key": "before\u0000after" };
    const res = await report([nul]);
    expect(res.status).toBe(200);
    const page = await ctx.app.request(
      `/api/connections/${agent.connectionId}/inventory?orgId=${agent.organizationId}&q=nul`,
      { headers: bearer(user.jwt) },
    );
    const [stored] = ((await page.json()) as { objects: { object: { data: unknown } }[] }).objects;
    expect(stored?.object.data).toEqual({ "a\ufffdkey": "before\ufffdafter" });
    const refused = await report([configMap("u-nul-2", "bad\u0000name")]);
    expect(refused.status).toBe(400);
  });

  it("refuses malformed, oversized and wrongly typed batches with the error envelope", async () => {
    const cases: [string, unknown, number][] = [
      ["no deltas", {}, 400],
      ["unknown op", { deltas: [{ op: "explode", uid: "x" }] }, 400],
      [
        "string generation",
        { deltas: [{ op: "keep", uid: "x", resourceVersion: "1", generation: "1" }] },
        400,
      ],
      [
        "negative generation",
        { deltas: [{ op: "keep", uid: "x", resourceVersion: "1", generation: -1 }] },
        400,
      ],
      ["object is a list", { deltas: [{ ...configMap("x", "x"), object: [] }] }, 400],
      ["extra field", { deltas: [{ op: "delete", uid: "x", organizationId: agent.organizationId }] }, 400],
      ["huge name", { deltas: [configMap("x", "n".repeat(300))] }, 400],
      [
        "too many deltas",
        { deltas: Array.from({ length: 1_001 }, (_, i) => ({ op: "delete", uid: `u${i}` })) },
        400,
      ],
      ["too large", { deltas: [{ ...configMap("x", "x"), object: { blob: "x".repeat(1_100_000) } }] }, 413],
    ];
    for (const [what, body, status] of cases) {
      const res = await postJson(ctx, "/api/agents/inventory", body, agent.credential);
      expect(res.status, what).toBe(status);
      expect(((await res.json()) as ErrorBody).error.code, what).toMatch(/^[A-Z_]+$/);
    }
    const garbage = await ctx.app.request("/api/agents/inventory", {
      method: "POST",
      headers: { "content-type": "application/json", ...bearer(agent.credential) },
      body: "{not json",
    });
    expect(garbage.status).toBe(400);
  });

  it("stores no new objects past the connection's limit, says which, and warns once a day", async () => {
    const small = await createTestApp({}, { inventoryMaxObjects: 2 });
    try {
      const owner = await signIn(small);
      const cluster = await installAgent(small, owner);
      const send = async (deltas: unknown[]) => {
        const res = await postJson(small, "/api/agents/inventory", { deltas }, cluster.credential);
        expect(res.status).toBe(200);
        return (await res.json()) as { applied: number; missing: string[]; refused: string[] };
      };
      expect((await send([configMap("a", "a"), configMap("b", "b")])).refused).toEqual([]);
      expect((await send([configMap("c", "c"), configMap("a", "a", 2)])).refused).toEqual(["c"]);
      expect((await send([configMap("d", "d")])).refused).toEqual(["d"]);
      const listed = await small.app.request(
        `/api/connections/${cluster.connectionId}/inventory?orgId=${owner.personalOrgId}`,
        { headers: bearer(owner.jwt) },
      );
      const objects = ((await listed.json()) as { objects: { uid: string }[] }).objects;
      expect(objects.map((o) => o.uid).sort()).toEqual(["a", "b"]);
      const warnings = await listEvents(small.t.db, { organizationId: owner.personalOrgId });
      expect(warnings.filter((e) => e.action === "connection.inventory_full")).toEqual([
        expect.objectContaining({ resourceId: cluster.connectionId, severity: "warning" }),
      ]);
    } finally {
      await small.close();
    }
  });

  it("answers only agents, and an agent only ever writes its own connection", async () => {
    expect((await postJson(ctx, "/api/agents/inventory", { deltas: [] })).status).toBe(401);
    expect((await postJson(ctx, "/api/agents/inventory", { deltas: [] }, user.jwt)).status).toBe(401);
    expect((await postJson(ctx, "/api/agents/inventory", { deltas: [] }, "mpa_forged")).status).toBe(401);

    const stranger = await signIn(ctx);
    const theirs = await installAgent(ctx, stranger);
    // Same uid, and a scope that would wipe everything: only the stranger's own connection is touched.
    await report([configMap("u-1", "theirs"), { op: "scope", resources: [] }], theirs);
    await report([{ op: "delete", uid: "u-1" }], theirs);
    expect((await kinds()).body.total).toBeGreaterThan(0);
    expect((await kinds(theirs, stranger)).body.total).toBe(0);
    // Nor can the stranger read this cluster, by its own organisation or by ours.
    expect((await kinds(agent, stranger)).status).toBe(404);
    const viaTheirOrg = await ctx.app.request(
      `/api/connections/${agent.connectionId}/inventory?orgId=${theirs.organizationId}`,
      { headers: bearer(stranger.jwt) },
    );
    expect(viaTheirOrg.status).toBe(404);
  });
});
