import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceDesigns } from "../schema/workspace-designs";
import {
  createDesign,
  createOrganization,
  createTestDb,
  createWorkspace,
  type TestDb,
} from "../testing/index";
import { getDesign } from "./designs";
import { deleteWorkspace, getWorkspace, listWorkspaces, renameWorkspace } from "./workspaces";

describe("workspaces", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("lists, reads and renames a workspace within its organisation", async () => {
    const { organization } = await createOrganization(t.db);
    const b = await createWorkspace(t.db, { organizationId: organization.id, name: "b-platform" });
    const a = await createWorkspace(t.db, { organizationId: organization.id, name: "a-apps" });
    const listed = await listWorkspaces(t.db, { organizationId: organization.id });
    expect(listed.map((w) => w.id)).toEqual([a.id, b.id]);

    const renamed = await renameWorkspace(t.db, { organizationId: organization.id, id: a.id, name: "apps" });
    expect(renamed?.name).toBe("apps");
    expect(renamed?.updatedAt.getTime()).toBeGreaterThanOrEqual(a.updatedAt.getTime());
    expect((await getWorkspace(t.db, { organizationId: organization.id, id: a.id }))?.name).toBe("apps");
  });

  it("refuses two workspaces of one name in an organisation, but not across organisations", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    await createWorkspace(t.db, { organizationId: a.organization.id, name: "shared-name" });
    await expect(
      createWorkspace(t.db, { organizationId: a.organization.id, name: "shared-name" }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      createWorkspace(t.db, { organizationId: b.organization.id, name: "shared-name" }),
    ).resolves.toBeTruthy();
  });

  it("hides, protects and keeps another organisation's workspace", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    const workspace = await createWorkspace(t.db, { organizationId: a.organization.id, name: "private" });
    const asB = { organizationId: b.organization.id, id: workspace.id };

    expect(await getWorkspace(t.db, asB)).toBeUndefined();
    expect(await listWorkspaces(t.db, { organizationId: b.organization.id })).toEqual([]);
    expect(await renameWorkspace(t.db, { ...asB, name: "stolen" })).toBeUndefined();
    expect(await deleteWorkspace(t.db, asB)).toBe(false);
    expect((await getWorkspace(t.db, { organizationId: a.organization.id, id: workspace.id }))?.name).toBe(
      "private",
    );
  });

  it("deletes a workspace but keeps the designs created in it", async () => {
    const { organization } = await createOrganization(t.db);
    const workspace = await createWorkspace(t.db, { organizationId: organization.id });
    const { design } = await createDesign(t.db, {
      organizationId: organization.id,
      workspaceId: workspace.id,
    });
    expect(await deleteWorkspace(t.db, { organizationId: organization.id, id: workspace.id })).toBe(true);
    expect(await getWorkspace(t.db, { organizationId: organization.id, id: workspace.id })).toBeUndefined();
    expect(
      (await getDesign(t.db, { organizationId: organization.id, id: design.id }))?.workspaceId,
    ).toBeNull();
  });

  it("cannot link a design of one organisation into another's workspace, even by a raw insert", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    const workspace = await createWorkspace(t.db, { organizationId: a.organization.id });
    const { design } = await createDesign(t.db, { organizationId: b.organization.id });
    for (const organizationId of [a.organization.id, b.organization.id]) {
      await expect(
        t.db
          .insert(workspaceDesigns)
          .values({ organizationId, workspaceId: workspace.id, designId: design.id }),
      ).rejects.toThrow();
    }
  });
});
