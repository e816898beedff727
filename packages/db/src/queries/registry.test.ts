import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { models } from "../schema/models";
import { createOrganization, createTestDb, type TestDb, uniqueName } from "../testing/index";
import {
  compareVersions,
  getComponentDefinition,
  getModel,
  listModels,
  listRelationshipDefinitions,
  type RegistryBundle,
  searchComponentDefinitions,
  upsertModelBundle,
} from "./registry";

const schemaOf = (kind: string) => ({
  type: "object",
  properties: { spec: { type: "object", properties: { replicas: { type: "integer" } } } },
  description: `${kind} schema`,
});

function bundle(name: string, version: string, kinds: string[], category = "Orchestration"): RegistryBundle {
  return {
    model: {
      name,
      version,
      displayName: `${name} display`,
      category,
      subCategory: "",
      status: "enabled",
      metadata: { description: `${name} ${version}` },
    },
    components: kinds.map((kind) => ({
      kind,
      apiVersion: kind.startsWith("Cron") ? "batch/v1" : "apps/v1",
      displayName: kind,
      schema: schemaOf(kind),
      metadata: { isNamespaced: true },
    })),
    relationships: [
      {
        kind: "edge",
        type: "non-binding",
        subType: "network",
        status: "enabled",
        selectors: [{ allow: { from: [{ kind: kinds[0] }], to: [{ kind: kinds[1] ?? "*" }] } }],
        metadata: { description: "a test relationship" },
      },
    ],
  };
}

describe("the model registry", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("stores a bundle once, keeps component ids on re-import, and replaces what changed", async () => {
    const name = uniqueName("apps");
    const first = await upsertModelBundle(
      t.db,
      bundle(name, "v1.0.0", ["Deployment", "StatefulSet", "CronJob"]),
    );
    expect(first).toMatchObject({ created: true, components: 3, relationships: 1 });
    const before = await searchComponentDefinitions(t.db, { modelId: first.model.id });
    expect(before.components.map((c) => c.kind)).toEqual(["CronJob", "Deployment", "StatefulSet"]);

    const again = await upsertModelBundle(
      t.db,
      bundle(name, "v1.0.0", ["Deployment", "StatefulSet", "CronJob"]),
    );
    expect(again).toMatchObject({ created: false, components: 3 });
    expect(again.model.id).toBe(first.model.id);
    const after = await searchComponentDefinitions(t.db, { modelId: first.model.id });
    expect(after.components.map((c) => c.id)).toEqual(before.components.map((c) => c.id));
    expect((await listRelationshipDefinitions(t.db, { model: name })).total).toBe(1);

    // StatefulSet dropped, DaemonSet added, the model's fields changed.
    const changed = bundle(name, "v1.0.0", ["Deployment", "DaemonSet", "CronJob"], "Runtime");
    await upsertModelBundle(t.db, changed);
    const now = await searchComponentDefinitions(t.db, { modelId: first.model.id });
    expect(now.components.map((c) => c.kind)).toEqual(["CronJob", "DaemonSet", "Deployment"]);
    expect(now.components.find((c) => c.kind === "Deployment")?.id).toBe(
      before.components.find((c) => c.kind === "Deployment")?.id,
    );
    expect((await getModel(t.db, { name }))?.category).toBe("Runtime");
    expect((await listRelationshipDefinitions(t.db, { model: name })).total).toBe(1);
  });

  it("is all or nothing: a bundle failing half way leaves the stored model as it was", async () => {
    const name = uniqueName("atomic");
    await upsertModelBundle(t.db, bundle(name, "v1.0.0", ["Deployment", "StatefulSet"]));
    const broken = bundle(name, "v1.0.0", ["Deployment"], "Changed");
    // A relationship without a required column makes the last insert fail.
    broken.relationships.push({ kind: null } as unknown as RegistryBundle["relationships"][number]);
    await expect(upsertModelBundle(t.db, broken)).rejects.toThrow();
    const model = await getModel(t.db, { name });
    expect(model).toMatchObject({ category: "Orchestration", componentCount: 2, relationshipCount: 1 });
  });

  it("keeps the last of duplicate components and stores a model with none", async () => {
    const name = uniqueName("dupes");
    const twice = bundle(name, "v1.0.0", ["Deployment", "Deployment"]);
    (twice.components[1] as { displayName: string }).displayName = "Second";
    expect((await upsertModelBundle(t.db, twice)).components).toBe(1);
    const [only] = (await searchComponentDefinitions(t.db, { model: name })).components;
    expect(only?.displayName).toBe("Second");
    const empty = { ...bundle(name, "v1.0.0", ["Deployment"]), components: [], relationships: [] };
    await upsertModelBundle(t.db, empty);
    expect(await getModel(t.db, { name })).toMatchObject({ componentCount: 0, relationshipCount: 0 });
  });

  it("gets the highest version by default, or the one named", async () => {
    const name = uniqueName("versions");
    for (const version of ["v1.9.0", "v1.10.0", "v1.2.0"]) {
      await upsertModelBundle(t.db, bundle(name, version, ["Deployment"]));
    }
    const latest = await getModel(t.db, { name });
    expect(latest?.version).toBe("v1.10.0");
    expect(latest?.versions).toEqual(["v1.10.0", "v1.9.0", "v1.2.0"]);
    expect((await getModel(t.db, { name, version: "v1.2.0" }))?.version).toBe("v1.2.0");
    expect(await getModel(t.db, { name, version: "v9.9.9" })).toBeUndefined();
    expect(await getModel(t.db, { name: uniqueName("missing") })).toBeUndefined();
    expect(compareVersions("v1.0.0", "v1.0.0-rc.1")).toBeGreaterThan(0);
  });

  it("lists models with counts, searched by name, display name or category, in pages", async () => {
    const tag = uniqueName("zz-search");
    await upsertModelBundle(t.db, bundle(`${tag}-a`, "v1.0.0", ["Deployment", "StatefulSet"]));
    await upsertModelBundle(t.db, bundle(`${tag}-b`, "v1.0.0", ["Deployment"], `${tag} Security`));
    const byName = await listModels(t.db, { search: tag.toUpperCase() });
    expect(byName.total).toBe(2);
    expect(byName.models.map((m) => [m.name, m.componentCount, m.relationshipCount])).toEqual([
      [`${tag}-a`, 2, 1],
      [`${tag}-b`, 1, 1],
    ]);
    expect((await listModels(t.db, { search: `${tag} Security` })).models.map((m) => m.name)).toEqual([
      `${tag}-b`,
    ]);
    const second = await listModels(t.db, { search: tag, page: 1, pageSize: 1 });
    expect(second).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(second.models.map((m) => m.name)).toEqual([`${tag}-b`]);
    // Wildcards typed by a user match literally.
    expect((await listModels(t.db, { search: "%" })).total).toBe(0);
    expect((await listModels(t.db, { pageSize: 10_000 })).pageSize).toBe(100);
  });

  it("searches components by text, model, kind and apiVersion; a component comes with its schema", async () => {
    const name = uniqueName("search");
    await upsertModelBundle(t.db, bundle(name, "v1.0.0", ["Deployment", "DeploymentRollback", "CronJob"]));
    const text = await searchComponentDefinitions(t.db, { model: name, search: "deployment" });
    expect(text.components.map((c) => c.kind)).toEqual(["Deployment", "DeploymentRollback"]);
    expect(text.components[0]).not.toHaveProperty("schema");
    expect(text.components[0]?.model).toMatchObject({ name, version: "v1.0.0" });
    const exactFirst = await searchComponentDefinitions(t.db, { model: name, search: "job" });
    expect(exactFirst.components.map((c) => c.kind)).toEqual(["CronJob"]);
    expect((await searchComponentDefinitions(t.db, { model: name, kind: "cronjob" })).total).toBe(1);
    expect((await searchComponentDefinitions(t.db, { model: name, apiVersion: "batch/v1" })).total).toBe(1);
    expect((await searchComponentDefinitions(t.db, { model: name, apiVersion: "nope/v1" })).total).toBe(0);
    const paged = await searchComponentDefinitions(t.db, { model: name, page: 2, pageSize: 1 });
    expect(paged.components.map((c) => c.kind)).toEqual(["DeploymentRollback"]);

    const id = text.components[0]?.id ?? "";
    const component = await getComponentDefinition(t.db, { id });
    expect(component?.schema).toEqual(schemaOf("Deployment"));
    expect(component?.model.name).toBe(name);
    expect(await getComponentDefinition(t.db, { id: crypto.randomUUID() })).toBeUndefined();
  });

  it("lists relationship definitions with their model, filtered by kind", async () => {
    const name = uniqueName("relations");
    await upsertModelBundle(t.db, bundle(name, "v1.0.0", ["Service", "Deployment"]));
    const page = await listRelationshipDefinitions(t.db, { model: name, kind: "edge" });
    expect(page.relationships).toHaveLength(1);
    expect(page.relationships[0]).toMatchObject({ subType: "network", model: { name } });
    expect(page.relationships[0]?.selectors).toEqual([
      { allow: { from: [{ kind: "Service" }], to: [{ kind: "Deployment" }] } },
    ]);
    expect((await listRelationshipDefinitions(t.db, { model: name, kind: "hierarchical" })).total).toBe(0);
  });

  it("keeps an organisation's discovered models to itself: B never sees A's models, components or their ids", async () => {
    const { organization: a } = await createOrganization(t.db);
    const { organization: b } = await createOrganization(t.db);
    const name = uniqueName("discovered");
    const shared = await upsertModelBundle(t.db, bundle(name, "v1.0.0", ["Deployment"]));
    // The same name and version in A's scope is a model of its own, not a replacement of the shared one.
    const ofA = await upsertModelBundle(t.db, bundle(name, "v1.0.0", ["Gadget", "Gizmo"], "Secret A"), {
      organizationId: a.id,
    });
    const laterOfA = await upsertModelBundle(t.db, bundle(name, "0.0.0-crd.a", ["Gadget"]), {
      organizationId: a.id,
    });
    expect(ofA).toMatchObject({ created: true, model: { organizationId: a.id } });
    expect(ofA.model.id).not.toBe(shared.model.id);
    expect(shared.model.organizationId).toBeNull();
    // Re-storing in A's scope updates A's row in place; the shared one is untouched.
    const again = await upsertModelBundle(t.db, bundle(name, "v1.0.0", ["Gadget", "Gizmo"], "Secret A"), {
      organizationId: a.id,
    });
    expect(again).toMatchObject({ created: false, model: { id: ofA.model.id } });
    expect((await getModel(t.db, { name }))?.category).toBe("Orchestration");

    const [gadget] = (
      await searchComponentDefinitions(t.db, { modelId: ofA.model.id, kind: "Gadget", organizationId: a.id })
    ).components;
    const gadgetId = gadget?.id ?? "";
    expect(gadget?.model).toMatchObject({ id: ofA.model.id, organizationId: a.id });

    // A sees the shared model and its own; where both hold a version, the shared one is the one returned.
    expect((await listModels(t.db, { search: name, organizationId: a.id })).total).toBe(3);
    expect((await getModel(t.db, { name, organizationId: a.id }))?.versions).toEqual([
      "v1.0.0",
      "0.0.0-crd.a",
    ]);
    expect((await getModel(t.db, { name, organizationId: a.id }))?.id).toBe(shared.model.id);
    expect((await getModel(t.db, { name, version: "0.0.0-crd.a", organizationId: a.id }))?.id).toBe(
      laterOfA.model.id,
    );
    expect((await getComponentDefinition(t.db, { id: gadgetId, organizationId: a.id }))?.kind).toBe("Gadget");
    expect((await listRelationshipDefinitions(t.db, { model: name, organizationId: a.id })).total).toBe(3);

    // B, and anyone without a scope, sees the shared model alone.
    for (const scope of [{ organizationId: b.id }, {}]) {
      const listed = await listModels(t.db, { search: name, ...scope });
      expect(listed.models.map((m) => m.id)).toEqual([shared.model.id]);
      expect(await listModels(t.db, { category: "Secret A", ...scope })).toMatchObject({ total: 0 });
      const model = await getModel(t.db, { name, ...scope });
      expect(model).toMatchObject({ id: shared.model.id, versions: ["v1.0.0"], componentCount: 1 });
      expect(await getModel(t.db, { name, version: "0.0.0-crd.a", ...scope })).toBeUndefined();
      // Neither by A's model id nor by the component's id.
      expect((await searchComponentDefinitions(t.db, { modelId: ofA.model.id, ...scope })).total).toBe(0);
      const byKind = await searchComponentDefinitions(t.db, { search: "Gadget", model: name, ...scope });
      expect(byKind.total).toBe(0);
      const everything = await searchComponentDefinitions(t.db, { model: name, pageSize: 100, ...scope });
      expect(everything.components.map((c) => c.kind)).toEqual(["Deployment"]);
      expect(await getComponentDefinition(t.db, { id: gadgetId, ...scope })).toBeUndefined();
      const relationships = await listRelationshipDefinitions(t.db, { model: name, ...scope });
      expect(relationships.relationships.map((r) => r.model.id)).toEqual([shared.model.id]);
    }
  });

  it("drops an organisation's discovered models with the organisation, and keeps one shared model per version", async () => {
    const { organization } = await createOrganization(t.db);
    const name = uniqueName("cascade");
    const own = await upsertModelBundle(t.db, bundle(name, "v1.0.0", ["Gadget"]), {
      organizationId: organization.id,
    });
    await t.db.execute(sql`delete from organizations where id = ${organization.id}`);
    expect(await t.db.select().from(models).where(eq(models.id, own.model.id))).toEqual([]);
    // Two shared stores of one name and version are one row: nulls count as equal in the unique constraint.
    const first = await upsertModelBundle(t.db, bundle(name, "v1.0.0", ["Deployment"]));
    const second = await upsertModelBundle(t.db, bundle(name, "v1.0.0", ["Deployment"]));
    expect(second.model.id).toBe(first.model.id);
    expect(await t.db.select().from(models).where(eq(models.name, name))).toHaveLength(1);
    await expect(
      t.db.insert(models).values({ name, version: "v1.0.0", displayName: "forged" }),
    ).rejects.toThrow();
  });
});
