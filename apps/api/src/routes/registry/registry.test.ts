import { addMembership, createCustomRole, upsertModelBundle } from "@meshplane/db/queries";
import { builtInRelationshipDefinitions } from "@meshplane/design";
import { kubernetesKinds } from "@meshplane/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedRegistry } from "../../seed/registry";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";

type Page<T> = { items: T[]; totalCount: number; page: number; pageSize: number };
type Model = { id: string; name: string; version: string; componentCount: number; relationshipCount: number };
type Component = {
  id: string;
  kind: string;
  apiVersion: string;
  description: string;
  model: { name: string };
};

describe("the registry's public reads", () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp();
    await seedRegistry(ctx.t.db);
  });
  afterAll(() => ctx.close());

  // No credentials anywhere below: every read is public.
  async function get<T>(path: string, status = 200): Promise<T> {
    const response = await ctx.app.request(path);
    expect(response.status, `${path}: ${status}`).toBe(status);
    return (await response.json()) as T;
  }

  it("lists models with their counts, searched and paged", async () => {
    const all = await get<Page<Model>>("/api/registry/models");
    const kubernetes = all.items.find((m) => m.name === "kubernetes");
    expect(kubernetes).toMatchObject({
      version: "v1.0.0",
      componentCount: kubernetesKinds().length,
      relationshipCount: builtInRelationshipDefinitions().length,
    });
    expect(kubernetes).not.toHaveProperty("metadata.meshplaneSeedHash");
    expect((await get<Page<Model>>("/api/registry/models?q=KUBER")).items.map((m) => m.name)).toEqual([
      "kubernetes",
    ]);
    expect((await get<Page<Model>>("/api/registry/models?q=Orchestration")).totalCount).toBe(1);
    expect((await get<Page<Model>>("/api/registry/models?q=%25")).totalCount).toBe(0);
    const injected = encodeURIComponent("'; drop table models; --");
    expect((await get<Page<Model>>(`/api/registry/models?q=${injected}`)).totalCount).toBe(0);
    expect((await get<Page<Model>>("/api/registry/models?page=3")).items).toEqual([]);
  });

  it("shows one model with a searchable page of its components", async () => {
    const detail = await get<{ model: Model; versions: string[]; components: Page<Component> }>(
      "/api/registry/models/kubernetes?pageSize=10",
    );
    expect(detail.versions).toEqual(["v1.0.0"]);
    expect(detail.components.items).toHaveLength(10);
    expect(detail.components.totalCount).toBe(kubernetesKinds().length);
    const next = await get<{ components: Page<Component> }>(
      "/api/registry/models/kubernetes?pageSize=10&page=1",
    );
    expect(next.components.items[0]?.id).not.toBe(detail.components.items[0]?.id);
    const search = await get<{ components: Page<Component> }>("/api/registry/models/kubernetes?q=deployment");
    expect(search.components.items.map((c) => c.kind)).toEqual(["Deployment"]);
    expect(search.components.items[0]?.description).toMatch(/declarative updates for Pods/);

    const missing = await get<ErrorBody>("/api/registry/models/no-such-model", 404);
    expect(missing.error).toMatchObject({ code: "NOT_FOUND", message: "No model no-such-model" });
    await get<ErrorBody>("/api/registry/models/kubernetes?version=v9.9.9", 404);
  });

  it("searches components by text, model, kind and apiVersion, and serves one with its schema", async () => {
    const byKind = await get<Page<Component>>("/api/registry/components?kind=deployment&model=kubernetes");
    expect(byKind.items.map((c) => [c.kind, c.apiVersion, c.model.name])).toEqual([
      ["Deployment", "apps/v1", "kubernetes"],
    ]);
    const byText = await get<Page<Component>>("/api/registry/components?q=Set");
    expect(byText.items.map((c) => c.kind)).toEqual(
      expect.arrayContaining(["StatefulSet", "DaemonSet", "ReplicaSet"]),
    );
    const apps = await get<Page<Component>>("/api/registry/components?apiVersion=apps/v1&pageSize=100");
    expect(apps.items.every((c) => c.apiVersion === "apps/v1")).toBe(true);
    expect(apps.totalCount).toBe(kubernetesKinds().filter((k) => k.apiVersion === "apps/v1").length);
    expect((await get<Page<Component>>("/api/registry/components?model=nothing")).totalCount).toBe(0);

    const id = byKind.items[0]?.id;
    const deployment = await get<
      Component & { schema: { properties: { spec: { $ref: string } }; $defs: object } }
    >(`/api/registry/components/${id}`);
    expect(deployment.kind).toBe("Deployment");
    expect(deployment.schema.properties.spec.$ref).toMatch(/^#\/\$defs\//);
    expect(Object.keys(deployment.schema.$defs).length).toBeGreaterThan(5);
  });

  it("lists the relationship definitions the engine evaluates", async () => {
    const page = await get<
      Page<{ kind: string; subType: string; selectors: unknown[]; model: { name: string } }>
    >("/api/registry/relationships?model=kubernetes&pageSize=100");
    expect(page.totalCount).toBe(builtInRelationshipDefinitions().length);
    expect(page.items.every((r) => r.selectors.length > 0 && r.model.name === "kubernetes")).toBe(true);
    const hierarchical = await get<Page<{ kind: string }>>("/api/registry/relationships?kind=hierarchical");
    expect(hierarchical.totalCount).toBeGreaterThan(0);
    expect(hierarchical.items.every((r) => r.kind === "hierarchical")).toBe(true);
  });

  it("answers 404 for unknown ids and 400 with the envelope for malformed queries", async () => {
    const unknown = await get<ErrorBody>(`/api/registry/components/${crypto.randomUUID()}`, 404);
    expect(unknown.error.code).toBe("NOT_FOUND");
    for (const path of [
      "/api/registry/components/not-a-uuid",
      "/api/registry/components/1%27%20or%201=1",
      "/api/registry/components?pageSize=0",
      "/api/registry/components?pageSize=1000",
      "/api/registry/components?page=-1",
      "/api/registry/components?page=abc",
      `/api/registry/components?q=${"x".repeat(201)}`,
      "/api/registry/models?pageSize=101",
      `/api/registry/models/${"n".repeat(256)}`,
      "/api/registry/relationships?page=1.5",
    ]) {
      const refused = await get<ErrorBody>(path, 400);
      expect(refused.error.code, path).toBe("BAD_REQUEST");
      expect(refused.error.requestId).toBeTruthy();
    }
  });
});

type Provenance = { discovered: boolean; source: string; organizationId: string | null };

describe("the registry's reads of an organisation's discovered models", () => {
  let ctx: TestApp;
  let alice: SignedIn;
  let bob: SignedIn;
  let powerless: SignedIn;
  let modelId: string;
  let componentId: string;
  const name = `discovered-${crypto.randomUUID().slice(0, 8)}`;
  const secretKind = "AliceSecretGadget";

  beforeAll(async () => {
    ctx = await createTestApp();
    await seedRegistry(ctx.t.db);
    [alice, bob, powerless] = [await signIn(ctx), await signIn(ctx), await signIn(ctx)];
    // A member of Alice's organisation whose only role grants nothing.
    await createCustomRole(ctx.t.db, {
      organizationId: alice.personalOrgId,
      key: "observer",
      name: "Observer",
      permissionKeys: [],
    });
    await addMembership(ctx.t.db, {
      organizationId: alice.personalOrgId,
      userId: powerless.userId,
      roleKeys: ["observer"],
    });
    const stored = await upsertModelBundle(
      ctx.t.db,
      {
        model: {
          name,
          version: "0.0.0-crd.000000000001",
          displayName: "alice.example.com",
          category: "Uncategorized",
          subCategory: "",
          status: "enabled",
          metadata: { source: "crd", group: "alice.example.com" },
        },
        components: [
          {
            kind: secretKind,
            apiVersion: "alice.example.com/v1",
            displayName: secretKind,
            schema: { type: "object", description: "alice-only schema" },
            metadata: {},
          },
        ],
        relationships: [
          {
            kind: "edge",
            type: "non-binding",
            subType: "alice",
            status: "enabled",
            selectors: [{}],
            metadata: {},
          },
        ],
      },
      { organizationId: alice.personalOrgId },
    );
    modelId = stored.model.id;
    const found = await ctx.app.request(
      `/api/registry/components?kind=${secretKind}&orgId=${alice.personalOrgId}`,
      { headers: bearer(alice.jwt) },
    );
    const [component] = ((await found.json()) as Page<Component>).items;
    componentId = component?.id ?? "";
  });
  afterAll(() => ctx.close());

  const request = (path: string, who?: SignedIn) =>
    ctx.app.request(path, { headers: who ? bearer(who.jwt) : {} });

  it("shows a member their organisation's discovered models, marked, next to the shared ones", async () => {
    const org = alice.personalOrgId;
    const list = await request(`/api/registry/models?orgId=${org}&pageSize=100`, alice);
    expect(list.status).toBe(200);
    expect(list.headers.get("cache-control")).toBe("private, no-store");
    const models = ((await list.json()) as Page<Model & Provenance>).items;
    expect(models.find((m) => m.name === name)).toMatchObject({
      id: modelId,
      discovered: true,
      source: "crd",
      organizationId: org,
      componentCount: 1,
    });
    expect(models.find((m) => m.name === "kubernetes")).toMatchObject({
      discovered: false,
      source: "registry",
      organizationId: null,
    });

    // Meshery's spelling of the parameter works the same.
    const detail = await request(`/api/registry/models/${name}?orgID=${org}`, alice);
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as {
      model: Provenance;
      components: Page<Component & { model: Provenance }>;
    };
    expect(body.model).toMatchObject({ discovered: true, organizationId: org });
    expect(body.components.items.map((c) => [c.kind, c.model.discovered])).toEqual([[secretKind, true]]);

    const component = await request(`/api/registry/components/${componentId}?orgId=${org}`, alice);
    expect(component.status).toBe(200);
    expect(((await component.json()) as { schema: unknown }).schema).toEqual({
      type: "object",
      description: "alice-only schema",
    });
    const relationships = await request(`/api/registry/relationships?subType=alice&orgId=${org}`, alice);
    expect(((await relationships.json()) as Page<{ model: Provenance }>).items.map((r) => r.model)).toEqual([
      expect.objectContaining({ id: modelId, source: "crd" }),
    ]);
  });

  it("never shows them anonymously, to another tenant, or by their ids", async () => {
    // Anonymous and Bob-in-his-own-organisation both see the shared registry alone.
    for (const [who, scope] of [
      [undefined, ""],
      [bob, `orgId=${bob.personalOrgId}&`],
      [alice, ""],
    ] as const) {
      const list = await request(`/api/registry/models?${scope}pageSize=100`, who);
      expect(list.status).toBe(200);
      const text = await list.text();
      expect(text).not.toContain(name);
      expect(text).toContain("kubernetes");
      for (const path of [
        `/api/registry/components?${scope}q=${secretKind}`,
        `/api/registry/components?${scope}model=${name}`,
        `/api/registry/relationships?${scope}subType=alice`,
        `/api/registry/models?${scope}q=alice`,
      ]) {
        const page = (await (await request(path, who)).json()) as Page<unknown>;
        expect(page.totalCount, path).toBe(0);
      }
      const byName = await request(`/api/registry/models/${name}?${scope}`, who);
      expect(byName.status).toBe(404);
      const byId = await request(`/api/registry/components/${componentId}?${scope}`, who);
      expect(byId.status).toBe(404);
      expect(await byId.text()).not.toContain("alice-only");
    }
    const anonymous = await request("/api/registry/models");
    expect(anonymous.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("refuses another tenant's organisation, a member without designs:read, and an anonymous orgId", async () => {
    const org = alice.personalOrgId;
    for (const path of [
      `/api/registry/models?orgId=${org}`,
      `/api/registry/models/${name}?orgId=${org}`,
      `/api/registry/components?orgId=${org}`,
      `/api/registry/components/${componentId}?orgId=${org}`,
      `/api/registry/relationships?orgId=${org}`,
    ]) {
      const asBob = await request(path, bob);
      expect(asBob.status, path).toBe(404);
      const text = await asBob.text();
      expect(text).not.toContain(secretKind);
      expect((JSON.parse(text) as ErrorBody).error.code).toBe("NOT_FOUND");
      const asPowerless = await request(path, powerless);
      expect(asPowerless.status, path).toBe(403);
      expect(((await asPowerless.json()) as ErrorBody).error.code).toBe("FORBIDDEN");
      const asNobody = await request(path);
      expect(asNobody.status, path).toBe(401);
      expect(((await asNobody.json()) as ErrorBody).error.code).toBe("UNAUTHORIZED");
    }
    for (const path of [
      "/api/registry/models?orgId=not-a-uuid",
      `/api/registry/components/${componentId}?orgId=1%27%20or%201=1`,
      `/api/registry/relationships?orgId=${"a".repeat(500)}`,
      "/api/registry/models?orgId=&orgID[]=x",
    ]) {
      const refused = await request(path, alice);
      expect(refused.status, path).toBe(400);
      expect(((await refused.json()) as ErrorBody).error.code).toBe("BAD_REQUEST");
    }
    // A forged organisation id that exists nowhere is 404, exactly like another tenant's.
    expect((await request(`/api/registry/models?orgId=${crypto.randomUUID()}`, alice)).status).toBe(404);
  });
});
