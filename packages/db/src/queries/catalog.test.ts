import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesign, createOrganization, createTestDb, type TestDb } from "../testing/index";
import {
  approvePublication,
  catalogFacets,
  countCatalog,
  countCatalogUse,
  denyPublication,
  getCatalogEntry,
  requestPublication,
  searchCatalog,
  unpublishCatalogEntry,
} from "./catalog";
import { saveDesignRevision } from "./design-revisions";

const frozen = (kinds: string[], category: string) => (content: Record<string, unknown>) => ({
  name: String(content.name ?? "design"),
  description: `A design with ${kinds.join(" and ")}`,
  componentKinds: kinds,
  models: ["kubernetes"],
  categories: [category],
  componentCount: kinds.length,
});

describe("the catalog", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  async function published(name: string, type: string, kinds: string[], category = "Orchestration") {
    const { organization, owner } = await createOrganization(t.db);
    const { design } = await createDesign(t.db, { organizationId: organization.id, name });
    await saveDesignRevision(t.db, {
      organizationId: organization.id,
      designId: design.id,
      content: { name, components: [], relationships: [] },
    });
    const request = await requestPublication(t.db, {
      organizationId: organization.id,
      designId: design.id,
      requestedById: owner.id,
      type,
      technology: "kubernetes",
      caveats: "",
      info: "",
    });
    const { entry } = await approvePublication(t.db, {
      id: request.id,
      reviewerId: owner.id,
      frozen: frozen(kinds, category),
    });
    return { entry, organization, owner, design };
  }

  it("publishes one frozen version per design, replacing it on the next approval", async () => {
    const { entry, organization, owner, design } = await published("redis-cache", "Workloads", [
      "StatefulSet",
      "Service",
    ]);
    expect(entry.publishedVersion).toBe("v2");
    const again = await requestPublication(t.db, {
      organizationId: organization.id,
      designId: design.id,
      requestedById: owner.id,
      type: "Scaling",
      technology: "kubernetes",
      caveats: "",
      info: "",
    });
    await expect(
      requestPublication(t.db, {
        organizationId: organization.id,
        designId: design.id,
        requestedById: owner.id,
        type: "Scaling",
        technology: "kubernetes",
        caveats: "",
        info: "",
      }),
    ).rejects.toThrow(/waiting for review/);
    const second = await approvePublication(t.db, {
      id: again.id,
      reviewerId: owner.id,
      frozen: frozen(["StatefulSet"], "Database"),
    });
    expect(second.entry.id).toBe(entry.id);
    expect(second.entry.type).toBe("Scaling");
    await expect(
      approvePublication(t.db, { id: again.id, reviewerId: owner.id, frozen: frozen([], "x") }),
    ).rejects.toThrow(/already approved/);
    await expect(
      denyPublication(t.db, { id: again.id, reviewerId: owner.id, reason: "late" }),
    ).rejects.toThrow(/already approved/);
  });

  it("searches names and component kinds, filters, counts facets and sorts by popularity", async () => {
    const a = await published("postgres-with-backups", "Workloads", ["StatefulSet", "CronJob"], "Database");
    const b = await published(
      "nginx-ingress-tls",
      "Traffic-management",
      ["Ingress", "Service"],
      "Networking",
    );
    await countCatalogUse(t.db, { id: b.entry.id, counter: "cloneCount" });
    const byKind = await searchCatalog(t.db, { search: "cronjob" });
    expect(byKind.entries.map((e) => e.id)).toEqual([a.entry.id]);
    const byName = await searchCatalog(t.db, { search: "ingress" });
    expect(byName.entries.map((e) => e.id)).toContain(b.entry.id);
    const filtered = await searchCatalog(t.db, { type: ["Traffic-management"] });
    expect(filtered.entries.every((e) => e.type === "Traffic-management")).toBe(true);
    // The type facet ignores the type filter, so the other types stay offered with their counts.
    const facets = await catalogFacets(t.db, { type: ["Traffic-management"] });
    expect(facets.type.map((f) => f.value)).toEqual(
      expect.arrayContaining(["Traffic-management", "Workloads"]),
    );
    expect(facets.category).toEqual([{ value: "Networking", count: 1 }]);
    expect(filtered.total).toBe(await countCatalog(t.db, { type: ["Traffic-management"] }));
    const popular = await searchCatalog(t.db, { sort: "popular" });
    expect(popular.entries[0]?.id).toBe(b.entry.id);
    const hostile = await searchCatalog(t.db, { search: "'); drop table catalog_entries; --" });
    expect(hostile.total).toBe(0);
    expect((await getCatalogEntry(t.db, { id: a.entry.id }))?.content).toMatchObject({
      name: "postgres-with-backups",
    });
    expect(await unpublishCatalogEntry(t.db, { id: a.entry.id, organizationId: b.organization.id })).toBe(
      false,
    );
    expect(await unpublishCatalogEntry(t.db, { id: a.entry.id, organizationId: a.organization.id })).toBe(
      true,
    );
    expect(await getCatalogEntry(t.db, { id: a.entry.id })).toBeUndefined();
  });
});
