import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";

describe("invitations, members and roles", () => {
  let ctx: TestApp;
  let admin: SignedIn;
  let orgId: string;
  const send = (who: SignedIn, method: string, path: string, body?: unknown) =>
    ctx.app.request(path, {
      method,
      headers: { ...bearer(who.jwt), ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = await signIn(ctx);
    const created = await send(admin, "POST", "/api/identity/orgs", { name: "Initech" });
    expect(created.status).toBe(201);
    orgId = ((await created.json()) as { id: string }).id;
  });
  afterAll(() => ctx.close());

  it("lets an invited email join once, with the invited role, and nobody else use the code", async () => {
    const invitee = await signIn(ctx, `milton-${crypto.randomUUID()}@initech.test`);
    const stranger = await signIn(ctx);
    const invited = await send(admin, "POST", "/api/organizations/invitations", {
      orgId,
      email: invitee.email,
      role: "workspace_admin",
    });
    expect(invited.status).toBe(201);
    const { code } = (await invited.json()) as { code: string };
    expect((await send(stranger, "POST", "/api/organizations/invitations/accept", { code })).status).toBe(
      404,
    );
    const accepted = await send(invitee, "POST", "/api/organizations/invitations/accept", { code });
    expect(accepted.status).toBe(200);
    const again = await send(invitee, "POST", "/api/organizations/invitations/accept", { code });
    expect(again.status).toBe(409);
    const keys = (await (await send(invitee, "GET", `/api/identity/orgs/${orgId}/users/keys`)).json()) as {
      roleNames: string[];
      keys: string[];
    };
    expect(keys.roleNames).toEqual(["workspace_admin"]);
    expect(keys.keys).toContain("connections:manage");
    const listed = (await (
      await send(admin, "GET", `/api/organizations/invitations?orgId=${orgId}`)
    ).json()) as {
      invitations: { email: string; status: string }[];
    };
    expect(listed.invitations.find((row) => row.email === invitee.email)?.status).toBe("accepted");
    expect(JSON.stringify(listed)).not.toContain(code);
  });

  it("lets a whole domain join, and refuses revoked invitations", async () => {
    const domain = `${crypto.randomUUID().slice(0, 8)}.initech.test`;
    const invited = await send(admin, "POST", "/api/organizations/invitations", { orgId, domain });
    const { code, invitation } = (await invited.json()) as { code: string; invitation: { id: string } };
    for (const person of [await signIn(ctx, `a@${domain}`), await signIn(ctx, `b@${domain}`)]) {
      expect((await send(person, "POST", "/api/organizations/invitations/accept", { code })).status).toBe(
        200,
      );
    }
    expect(
      (
        await send(await signIn(ctx, `c@evil-${domain}`), "POST", "/api/organizations/invitations/accept", {
          code,
        })
      ).status,
    ).toBe(404);
    expect(
      (await send(admin, "DELETE", `/api/organizations/invitations/${invitation.id}?orgId=${orgId}`)).status,
    ).toBe(204);
    const late = await send(
      await signIn(ctx, `d@${domain}`),
      "POST",
      "/api/organizations/invitations/accept",
      { code },
    );
    expect(late.status).toBe(409);
    expect(((await late.json()) as ErrorBody).error.message).toMatch(/revoked/);
  });

  it("refuses to share a personal organisation and to invite with both email and domain", async () => {
    const personal = await send(admin, "POST", "/api/organizations/invitations", {
      orgId: admin.personalOrgId,
      email: "x@y.test",
    });
    expect(personal.status).toBe(409);
    const both = await send(admin, "POST", "/api/organizations/invitations", {
      orgId,
      email: "x@y.test",
      domain: "y.test",
    });
    expect(both.status).toBe(400);
  });

  it("changes roles, keeps the owner an admin, removes members, and records it all", async () => {
    const member = await signIn(ctx, `m-${crypto.randomUUID()}@initech.test`);
    const { code } = (await (
      await send(admin, "POST", "/api/organizations/invitations", { orgId, email: member.email })
    ).json()) as {
      code: string;
    };
    await send(member, "POST", "/api/organizations/invitations/accept", { code });
    const role = await send(admin, "POST", `/api/identity/orgs/${orgId}/roles`, {
      key: "auditor",
      roleName: "Auditor",
      permissionKeys: ["events:read", "org:read"],
    });
    expect(role.status).toBe(201);
    expect(
      (
        await send(admin, "PUT", `/api/identity/orgs/${orgId}/users/${member.userId}`, {
          roleNames: ["auditor"],
        })
      ).status,
    ).toBe(200);
    const keys = (await (await send(member, "GET", `/api/identity/orgs/${orgId}/users/keys`)).json()) as {
      keys: string[];
    };
    expect(keys.keys).toEqual(["org:read", "events:read"]);
    expect(
      (
        await send(member, "PUT", `/api/identity/orgs/${orgId}/users/${admin.userId}`, {
          roleNames: ["user"],
        })
      ).status,
    ).toBe(403);
    expect(
      (await send(admin, "PUT", `/api/identity/orgs/${orgId}/users/${admin.userId}`, { roleNames: ["user"] }))
        .status,
    ).toBe(409);
    expect(
      (
        await send(admin, "PUT", `/api/identity/orgs/${orgId}/users/${member.userId}`, {
          roleNames: ["no_such_role"],
        })
      ).status,
    ).toBe(422);
    expect((await send(admin, "DELETE", `/api/identity/orgs/${orgId}/users/${member.userId}`)).status).toBe(
      204,
    );
    expect((await send(member, "GET", `/api/identity/orgs/${orgId}/users/keys`)).status).toBe(404);
    await ctx.workflows.drain(2_000);
    const log = await send(admin, "GET", `/api/events?orgId=${orgId}&limit=200`);
    expect(log.status).toBe(200);
    const actions = ((await log.json()) as { events: { action: string }[] }).events.map((e) => e.action);
    // The removed member can no longer read the organisation's log.
    expect((await send(member, "GET", `/api/events?orgId=${orgId}`)).status).toBe(404);
    expect(actions).toEqual(
      expect.arrayContaining([
        "invitation.created",
        "membership.joined",
        "role.created",
        "membership.roles_changed",
        "membership.removed",
      ]),
    );
  });
});
