import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDesign,
  createOrganization,
  createTestDb,
  createWorkspace,
  type TestDb,
} from "../testing/index";
import {
  getDesignRevision,
  hashDesignContent,
  listDesignRevisions,
  saveDesignRevision,
} from "./design-revisions";
import { deleteDesign, getDesign, listDesigns, updateDesign } from "./designs";

describe("designs and their revisions", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("creates a design with revision 1 as its current content", async () => {
    const { organization, owner } = await createOrganization(t.db);
    const { design, revision } = await createDesign(t.db, {
      organizationId: organization.id,
      ownerId: owner.id,
    });
    expect(revision.number).toBe(1);
    expect(revision.authorId).toBe(owner.id);
    const read = await getDesign(t.db, { organizationId: organization.id, id: design.id });
    expect(read?.currentRevision?.id).toBe(revision.id);
    expect(read?.currentRevision?.content).toEqual(revision.content);
  });

  it("numbers saved revisions consecutively, even when saves race", async () => {
    const { organization } = await createOrganization(t.db);
    const { design } = await createDesign(t.db, { organizationId: organization.id });
    const scope = { organizationId: organization.id, designId: design.id };
    const second = await saveDesignRevision(t.db, { ...scope, content: { components: [1] }, message: "two" });
    expect(second?.number).toBe(2);

    const raced = await Promise.all(
      [3, 4, 5, 6].map((n) => saveDesignRevision(t.db, { ...scope, content: { components: [n] } })),
    );
    expect(raced.map((r) => r?.number).sort()).toEqual([3, 4, 5, 6]);

    const history = await listDesignRevisions(t.db, scope);
    expect(history.map((r) => r.number)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(history[0]).not.toHaveProperty("content");
    const current = await getDesign(t.db, { organizationId: organization.id, id: design.id });
    expect(current?.latestRevisionNumber).toBe(6);
    expect(current?.currentRevision?.number).toBe(6);
    expect((await getDesignRevision(t.db, { ...scope, number: 2 }))?.message).toBe("two");
  });

  it("hashes content independently of key order", async () => {
    const one = await hashDesignContent({ name: "web", components: [{ kind: "Pod", id: 1 }] });
    const two = await hashDesignContent({ components: [{ id: 1, kind: "Pod" }], name: "web" });
    expect(one).toBe(two);
    expect(await hashDesignContent({ name: "web", components: [] })).not.toBe(one);
  });

  it("searches names literally and pages through the results", async () => {
    const { organization } = await createOrganization(t.db);
    const organizationId = organization.id;
    for (const name of ["istio-gateway", "istio-mtls", "linkerd", "100%_ready"]) {
      await createDesign(t.db, { organizationId, name });
    }
    const firstPage = await listDesigns(t.db, { organizationId, search: "ISTIO", pageSize: 1 });
    expect(firstPage.total).toBe(2);
    expect(firstPage.designs).toHaveLength(1);
    const secondPage = await listDesigns(t.db, { organizationId, search: "istio", pageSize: 1, page: 1 });
    expect(secondPage.designs[0]?.id).not.toBe(firstPage.designs[0]?.id);
    expect((await listDesigns(t.db, { organizationId, search: "%_" })).designs.map((d) => d.name)).toEqual([
      "100%_ready",
    ]);
    expect((await listDesigns(t.db, { organizationId })).total).toBe(4);
  });

  it("gives another organisation nothing to read, revise, change or delete", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    const { design } = await createDesign(t.db, { organizationId: a.organization.id, name: "secret" });
    const asB = { organizationId: b.organization.id, id: design.id };

    expect(await getDesign(t.db, asB)).toBeUndefined();
    expect((await listDesigns(t.db, { organizationId: b.organization.id, search: "secret" })).total).toBe(0);
    expect(
      await listDesignRevisions(t.db, { organizationId: b.organization.id, designId: design.id }),
    ).toEqual([]);
    expect(
      await saveDesignRevision(t.db, { organizationId: b.organization.id, designId: design.id, content: {} }),
    ).toBeUndefined();
    expect(await updateDesign(t.db, { ...asB, visibility: "public" })).toBeUndefined();
    expect(await deleteDesign(t.db, asB)).toBe(false);

    const intact = await getDesign(t.db, { organizationId: a.organization.id, id: design.id });
    expect(intact).toMatchObject({ visibility: "private", latestRevisionNumber: 1 });
  });

  it("refuses to create a design in another organisation's workspace", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    const workspace = await createWorkspace(t.db, { organizationId: a.organization.id });
    await expect(
      createDesign(t.db, { organizationId: b.organization.id, workspaceId: workspace.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await listDesigns(t.db, { organizationId: b.organization.id })).total).toBe(0);
  });
});
