import { createConnection, createEnvironment, createTeam, createWorkspace } from "@meshplane/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";

describe("assigning teams, environments and designs to workspaces, connections to environments", () => {
  let ctx: TestApp;
  let user: SignedIn;
  let other: SignedIn;
  const call = (who: SignedIn, method: string, path: string) =>
    ctx.app.request(path, { method, headers: bearer(who.jwt) });

  beforeAll(async () => {
    ctx = await createTestApp();
    [user, other] = [await signIn(ctx), await signIn(ctx)];
  });
  afterAll(() => ctx.close());

  it("assigns, lists and unassigns, and refuses another organisation's rows as not found", async () => {
    const organizationId = user.personalOrgId;
    const q = `?orgId=${organizationId}`;
    const workspace = await createWorkspace(ctx.t.db, { organizationId, name: "checkout" });
    const team = await createTeam(ctx.t.db, { organizationId, name: "sre" });
    const environment = await createEnvironment(ctx.t.db, { organizationId, name: "staging" });
    const connection = await createConnection(ctx.t.db, {
      organizationId,
      name: "kind",
      kind: "kubernetes",
      type: "platform",
      subType: "orchestration",
    });
    expect((await call(user, "POST", `/api/workspaces/${workspace.id}/teams/${team.id}${q}`)).status).toBe(
      201,
    );
    expect(
      (await call(user, "POST", `/api/workspaces/${workspace.id}/environments/${environment.id}${q}`)).status,
    ).toBe(201);
    expect(
      (await call(user, "POST", `/api/environments/${environment.id}/connections/${connection.id}${q}`))
        .status,
    ).toBe(201);
    const teams = (await (await call(user, "GET", `/api/workspaces/${workspace.id}/teams${q}`)).json()) as {
      teams: { name: string }[];
    };
    expect(teams.teams.map((t) => t.name)).toEqual(["sre"]);
    const linked = (await (
      await call(user, "GET", `/api/environments/${environment.id}/connections${q}`)
    ).json()) as {
      connections: { name: string; status: string }[];
    };
    expect(linked.connections.map((c) => c.name)).toEqual(["kind"]);

    const foreignTeam = await createTeam(ctx.t.db, {
      organizationId: other.personalOrgId,
      name: "intruders",
    });
    expect(
      (await call(user, "POST", `/api/workspaces/${workspace.id}/teams/${foreignTeam.id}${q}`)).status,
    ).toBe(404);
    expect((await call(other, "GET", `/api/workspaces/${workspace.id}/teams${q}`)).status).toBe(404);

    expect((await call(user, "DELETE", `/api/workspaces/${workspace.id}/teams/${team.id}${q}`)).status).toBe(
      204,
    );
    expect((await call(user, "DELETE", `/api/workspaces/${workspace.id}/teams/${team.id}${q}`)).status).toBe(
      404,
    );
    const after = (await (await call(user, "GET", `/api/workspaces/${workspace.id}/teams${q}`)).json()) as {
      teams: unknown[];
    };
    expect(after.teams).toEqual([]);
  });
});
