import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roles } from "../schema/roles";
import { createOrganization, createTestDb, createUser, type TestDb } from "../testing/index";
import { addMembership, changeMembershipRoles, listMemberships, removeMembership } from "./memberships";

describe("memberships", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("adds members once and lists only this organisation's", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    const member = await createUser(t.db);
    const added = await addMembership(t.db, { organizationId: a.organization.id, userId: member.id });
    const again = await addMembership(t.db, {
      organizationId: a.organization.id,
      userId: member.id,
      roleKeys: ["org_admin"],
    });
    expect(again.id).toBe(added.id);
    expect(again.roleKeys).toEqual(["user"]);

    const listed = await listMemberships(t.db, { organizationId: a.organization.id });
    expect(listed.map((m) => m.userId).sort()).toEqual([a.owner.id, member.id].sort());
    expect(listed.find((m) => m.userId === member.id)?.email).toBe(member.email);
    expect((await listMemberships(t.db, { organizationId: b.organization.id })).map((m) => m.userId)).toEqual(
      [b.owner.id],
    );
  });

  it("changes roles to built-in or own custom roles only, and never from another organisation", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    const member = await createUser(t.db);
    await addMembership(t.db, { organizationId: a.organization.id, userId: member.id });
    await t.db.insert(roles).values([
      {
        organizationId: a.organization.id,
        key: "deployer",
        name: "Deployer",
        permissionKeys: ["design.deploy"],
      },
      { organizationId: b.organization.id, key: "b-only", name: "B only" },
    ]);

    const changed = await changeMembershipRoles(t.db, {
      organizationId: a.organization.id,
      userId: member.id,
      roleKeys: ["workspace_admin", "deployer"],
    });
    expect(changed?.roleKeys).toEqual(["workspace_admin", "deployer"]);
    await expect(
      changeMembershipRoles(t.db, {
        organizationId: a.organization.id,
        userId: member.id,
        roleKeys: ["b-only"],
      }),
    ).rejects.toMatchObject({ code: "invalid_argument" });
    expect(
      await changeMembershipRoles(t.db, {
        organizationId: b.organization.id,
        userId: member.id,
        roleKeys: ["user"],
      }),
    ).toBeUndefined();
  });

  it("keeps the owner an org admin and a member", async () => {
    const { organization, owner } = await createOrganization(t.db);
    const scope = { organizationId: organization.id, userId: owner.id };
    await expect(changeMembershipRoles(t.db, { ...scope, roleKeys: ["user"] })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(removeMembership(t.db, scope)).rejects.toMatchObject({ code: "conflict" });
  });

  it("removes a member only through their own organisation", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    const member = await createUser(t.db);
    await addMembership(t.db, { organizationId: a.organization.id, userId: member.id });
    expect(await removeMembership(t.db, { organizationId: b.organization.id, userId: member.id })).toBe(
      false,
    );
    expect(await removeMembership(t.db, { organizationId: a.organization.id, userId: member.id })).toBe(true);
    const left = await listMemberships(t.db, { organizationId: a.organization.id });
    expect(left.map((m) => m.userId)).toEqual([a.owner.id]);
  });
});
