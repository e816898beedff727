import {
  getModel,
  listRelationshipDefinitions,
  searchComponentDefinitions,
  upsertModelBundle,
} from "@meshplane/db/queries";
import { createTestDb, type TestDb } from "@meshplane/db/testing";
import { builtInRelationshipDefinitions } from "@meshplane/design";
import { kubernetesKinds } from "@meshplane/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtInRegistryBundle, SEED_HASH_KEY, seedRegistry } from "./registry";

describe("seeding the registry", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("stores the Kubernetes model with the engine's relationships once, then skips while nothing changed", async () => {
    const first = await seedRegistry(t.db);
    const engine = builtInRelationshipDefinitions().filter((d) => d.model.name === "kubernetes");
    expect(first).toMatchObject({
      model: "kubernetes",
      version: "v1.0.0",
      seeded: true,
      components: kubernetesKinds().length,
      relationships: engine.length,
    });
    expect(engine.length).toBeGreaterThan(10);

    const started = performance.now();
    const second = await seedRegistry(t.db);
    const skipMs = performance.now() - started;
    expect(second).toMatchObject({ seeded: false, hash: first.hash, relationships: engine.length });
    console.log(`registry seed: a restart with nothing to do took ${skipMs.toFixed(0)} ms`);

    const deployment = await searchComponentDefinitions(t.db, { model: "kubernetes", kind: "Deployment" });
    expect(deployment.components.map((c) => c.apiVersion)).toEqual(["apps/v1"]);
    const relationships = await listRelationshipDefinitions(t.db, { model: "kubernetes", pageSize: 100 });
    expect(relationships.relationships.map((r) => r.metadata.id).sort()).toEqual(
      engine.map((d) => d.id).sort(),
    );
  });

  it("writes again when the stored model differs from the built-in one", async () => {
    const bundle = builtInRegistryBundle();
    // Someone stored an older or hand-edited Kubernetes model: no hash, fewer components.
    await upsertModelBundle(t.db, {
      ...bundle,
      components: bundle.components.slice(0, 3),
      relationships: [],
    });
    expect((await getModel(t.db, { name: "kubernetes" }))?.componentCount).toBe(3);
    const result = await seedRegistry(t.db);
    expect(result.seeded).toBe(true);
    const stored = await getModel(t.db, { name: "kubernetes" });
    expect(stored).toMatchObject({
      componentCount: bundle.components.length,
      relationshipCount: result.relationships,
    });
    expect(stored?.metadata[SEED_HASH_KEY]).toBe(result.hash);

    // A different bundle hashes differently, so a new release of the model replaces the stored one.
    const smaller = await seedRegistry(t.db, { ...bundle, components: bundle.components.slice(0, 5) });
    expect(smaller.seeded).toBe(true);
    expect(smaller.hash).not.toBe(result.hash);
    expect((await getModel(t.db, { name: "kubernetes" }))?.componentCount).toBe(5);
  });
});
