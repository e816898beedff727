// Relational queries resolve every declared relation; an ambiguous or dangling one would throw here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDesign,
  createOrganization,
  createTestDb,
  createWorkspace,
  type TestDb,
} from "../testing/index";
import { builtInRoleKeys } from "./roles";

describe("schema relations and seed", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("loads a design with its organisation, workspace, owner, revisions and current revision", async () => {
    const { organization, owner } = await createOrganization(t.db);
    const workspace = await createWorkspace(t.db, { organizationId: organization.id });
    const { design, revision } = await createDesign(t.db, {
      organizationId: organization.id,
      workspaceId: workspace.id,
      ownerId: owner.id,
    });
    const loaded = await t.db.query.designs.findFirst({
      where: (d, { eq }) => eq(d.id, design.id),
      with: { organization: true, workspace: true, owner: true, revisions: true, currentRevision: true },
    });
    expect(loaded?.organization.id).toBe(organization.id);
    expect(loaded?.workspace?.id).toBe(workspace.id);
    expect(loaded?.owner?.id).toBe(owner.id);
    expect(loaded?.revisions.map((r) => r.id)).toEqual([revision.id]);
    expect(loaded?.currentRevision?.number).toBe(1);

    const org = await t.db.query.organizations.findFirst({
      where: (o, { eq }) => eq(o.id, organization.id),
      with: { memberships: { with: { user: true } }, workspaces: true, owner: true },
    });
    expect(org?.memberships.map((m) => m.user.email)).toEqual([owner.email]);
    expect(org?.workspaces.map((w) => w.id)).toEqual([workspace.id]);
  });

  it("resolves every relation of every table", async () => {
    type Finder = { findFirst(config: { with: Record<string, true> }): Promise<unknown> };
    const tables = Object.entries(t.db._.schema ?? {});
    expect(tables.length).toBeGreaterThan(30);
    for (const [name, table] of tables) {
      const finder = (t.db.query as unknown as Record<string, Finder>)[name];
      const withAll = Object.fromEntries(Object.keys(table.relations).map((key) => [key, true as const]));
      if (!finder) throw new Error(`no relational query for ${name}`);
      await finder.findFirst({ with: withAll }).catch((error: unknown) => {
        throw new Error(`relations of ${name}: ${String(error)}`);
      });
    }
  });

  it("seeds Meshery's built-in roles once, shared by every organisation", async () => {
    const seeded = await t.db.query.roles.findMany({ where: (r, { isNull }) => isNull(r.organizationId) });
    expect(seeded.map((r) => r.key).sort()).toEqual([...builtInRoleKeys].sort());
    expect(seeded.every((r) => r.builtIn)).toBe(true);
  });
});
