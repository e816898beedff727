import { addMembership, createOrganization, createTeam } from "@meshplane/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";

describe("team members", () => {
  let ctx: TestApp;
  let admin: SignedIn;
  let member: SignedIn;
  let outsider: SignedIn;
  let orgId: string;
  const call = (method: string, path: string) =>
    ctx.app.request(`${path}?orgId=${orgId}`, { method, headers: bearer(admin.jwt) });

  beforeAll(async () => {
    ctx = await createTestApp();
    [admin, member, outsider] = [await signIn(ctx), await signIn(ctx), await signIn(ctx)];
    orgId = (await createOrganization(ctx.t.db, { name: "Hooli", ownerId: admin.userId })).id;
    await addMembership(ctx.t.db, { organizationId: orgId, userId: member.userId });
  });
  afterAll(() => ctx.close());

  it("adds members of the organisation only, lists and removes them", async () => {
    const team = await createTeam(ctx.t.db, { organizationId: orgId, name: "platform" });
    expect((await call("POST", `/api/identity/teams/${team.id}/users/${member.userId}`)).status).toBe(201);
    // A user of the instance who is not in this organisation cannot be added to its team.
    expect((await call("POST", `/api/identity/teams/${team.id}/users/${outsider.userId}`)).status).toBe(404);
    const listed = (await (await call("GET", `/api/identity/teams/${team.id}/users`)).json()) as {
      members: { email: string }[];
    };
    expect(listed.members.map((m) => m.email)).toEqual([member.email]);
    expect((await call("DELETE", `/api/identity/teams/${team.id}/users/${member.userId}`)).status).toBe(204);
    expect((await call("DELETE", `/api/identity/teams/${team.id}/users/${member.userId}`)).status).toBe(404);
  });
});
