import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, createTestDb, createUser, type TestDb } from "../testing/index";
import { addMembership } from "./memberships";
import {
  ensurePersonalOrganization,
  getOrganizationForMember,
  listOrganizationsForUser,
} from "./organizations";

describe("organizations", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("makes the owner an org admin member in the same write", async () => {
    const { organization, owner } = await createOrganization(t.db);
    expect(organization.roleKeys).toEqual(["org_admin"]);
    const seen = await getOrganizationForMember(t.db, { organizationId: organization.id, userId: owner.id });
    expect(seen?.ownerId).toBe(owner.id);
  });

  it("creates one personal organisation per user, however often sign-in asks", async () => {
    const user = await createUser(t.db);
    const first = await ensurePersonalOrganization(t.db, { userId: user.id, name: "Mine" });
    const second = await ensurePersonalOrganization(t.db, { userId: user.id, name: "Mine again" });
    expect(second.id).toBe(first.id);
    expect(first.personal).toBe(true);
    await expect(createOrganization(t.db, { owner: user, personal: true })).rejects.toThrow();
  });

  it("shows an organisation only to its members", async () => {
    const { organization } = await createOrganization(t.db);
    const stranger = await createUser(t.db);
    expect(
      await getOrganizationForMember(t.db, { organizationId: organization.id, userId: stranger.id }),
    ).toBe(undefined);
    await addMembership(t.db, { organizationId: organization.id, userId: stranger.id });
    const seen = await getOrganizationForMember(t.db, {
      organizationId: organization.id,
      userId: stranger.id,
    });
    expect(seen?.roleKeys).toEqual(["user"]);
  });

  it("lists the user's organisations, personal first, and no one else's", async () => {
    const user = await createUser(t.db);
    await createOrganization(t.db); // someone else's
    const shared = await createOrganization(t.db, { name: "Acme" });
    await addMembership(t.db, { organizationId: shared.organization.id, userId: user.id });
    const personal = await ensurePersonalOrganization(t.db, { userId: user.id, name: "Zed" });

    const listed = await listOrganizationsForUser(t.db, { userId: user.id });
    expect(listed.map((org) => org.id)).toEqual([personal.id, shared.organization.id]);
  });
});
