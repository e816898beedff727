import { builtInRelationshipDefinitions } from "@meshplane/design";
import { kubernetesKinds } from "@meshplane/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedRegistry } from "../../seed/registry";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";

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
