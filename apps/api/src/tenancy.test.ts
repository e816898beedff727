// Every route of the OpenAPI document, called by each kind of caller that must not get through.
import {
  addMembership,
  createApiToken,
  createConnection,
  createCustomRole,
  createEnvironment,
  createTeam,
  createWorkspace,
  revokeApiToken,
} from "@meshplane/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./testing/app";
import { bearer, type SignedIn, signIn } from "./testing/identity";

type Route = { method: string; path: string };
const SECRET = "apiVersion: v1\nkind: Config\nusers: [{name: admin, user: {token: s3cr3t-cluster-token}}]";
type Expectation = "public" | "org" | "member" | "self";

// Routes anyone may call (the provider endpoints authenticate by the token in their body).
const publicRoutes = new Set([
  "GET /api/health",
  "GET /api/version",
  "GET /api/events",
  "GET /login",
  "POST /refresh",
  "POST /introspect",
  "POST /revoke",
  "GET /keys",
  "GET /.well-known/jwks.json",
  "GET /logout",
  "POST /logout",
  "GET /{version}/capabilities",
]);
// Routes about the caller themselves: no organisation in the path, only their own data in the answer.
const selfRoutes = new Set([
  "GET /api/identity/users/profile",
  "PUT /api/identity/users/preferences",
  "GET /api/identity/orgs",
]);

// Routes any member may call whatever their roles grant: reading one's own permission keys.
const memberRoutes = new Set(["GET /api/identity/orgs/{orgId}/users/keys"]);

const classify = (route: Route): Expectation => {
  const key = `${route.method} ${route.path}`;
  if (publicRoutes.has(key)) return "public";
  if (memberRoutes.has(key)) return "member";
  return selfRoutes.has(key) ? "self" : "org";
};

describe("tenancy: every route against every caller that must be refused", () => {
  let ctx: TestApp;
  let owner: SignedIn;
  let outsider: SignedIn;
  let powerless: SignedIn;
  let revokedToken: string;
  let expiredToken: string;
  const ids: Record<string, string> = {};
  let routes: Route[] = [];

  beforeAll(async () => {
    ctx = await createTestApp();
    [owner, outsider, powerless] = [await signIn(ctx), await signIn(ctx), await signIn(ctx)];
    const organizationId = owner.personalOrgId;
    // A member of the owner's organisation whose only role is a custom one granting nothing.
    await createCustomRole(ctx.t.db, {
      organizationId,
      key: "observer",
      name: "Observer",
      permissionKeys: [],
    });
    await addMembership(ctx.t.db, { organizationId, userId: powerless.userId, roleKeys: ["observer"] });
    ids.workspaces = (await createWorkspace(ctx.t.db, { organizationId, name: "payments" })).id;
    ids.environments = (await createEnvironment(ctx.t.db, { organizationId, name: "production" })).id;
    ids.teams = (await createTeam(ctx.t.db, { organizationId, name: "platform" })).id;
    ids.connections = (
      await createConnection(ctx.t.db, {
        organizationId,
        name: "prod-cluster",
        kind: "kubernetes",
        type: "platform",
        subType: "orchestration",
      })
    ).id;
    const credential = await ctx.app.request(`/api/integrations/credentials?orgID=${organizationId}`, {
      method: "POST",
      headers: { ...bearer(owner.jwt), "content-type": "application/json" },
      body: JSON.stringify({ name: "prod-kubeconfig", type: "kubeconfig", secret: { kubeconfig: SECRET } }),
    });
    ids.credentials = ((await credential.json()) as { id: string }).id;
    const revoked = await createApiToken(ctx.t.db, { organizationId, userId: owner.userId, name: "old" });
    await revokeApiToken(ctx.t.db, { organizationId, id: revoked.apiToken.id });
    revokedToken = revoked.token;
    ids.tokens = revoked.apiToken.id;
    expiredToken = (
      await createApiToken(ctx.t.db, {
        organizationId,
        userId: owner.userId,
        name: "stale",
        expiresAt: new Date(Date.now() - 1000),
      })
    ).token;
    const document = (await (await ctx.app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path })),
    );
  });
  afterAll(() => ctx.close());

  function requestFor(route: Route, headers: Record<string, string>): Request {
    const org = owner.personalOrgId;
    const resource =
      route.path
        .split("/")
        .filter((part) => part && !part.startsWith("{"))
        .at(-1) ?? "";
    const path = route.path
      .replace("{orgId}", org)
      .replace("{version}", "v0.8.0")
      .replace("{id}", ids[resource] ?? crypto.randomUUID());
    const url = new URL(`http://api.test${path}`);
    url.searchParams.set("orgID", org);
    if (route.method === "DELETE" && route.path === "/api/integrations/credentials") {
      url.searchParams.set("credential_id", ids.credentials ?? "");
    }
    const body =
      route.method === "POST" || route.method === "PUT"
        ? JSON.stringify(
            path.endsWith("/tokens")
              ? { orgId: org, name: "probe" }
              : path.endsWith("/integrations/connections")
                ? { name: "probe", kind: "kubernetes" }
                : path.endsWith("/integrations/credentials")
                  ? { name: "probe", type: "token", secret: { token: "x" } }
                  : path.startsWith("/api/integrations/connections/")
                    ? { status: "registered" }
                    : route.method === "PUT"
                      ? { name: "renamed" }
                      : { organizationId: org, name: `probe-${crypto.randomUUID()}` },
          )
        : undefined;
    return new Request(url, {
      method: route.method,
      headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body } : {}),
    });
  }

  it("refuses anonymous, outsiders, members without the permission, revoked and expired tokens", async () => {
    const callers = [
      { name: "anonymous", headers: {}, org: 401, member: 401, self: 401 },
      {
        name: "member of another organization",
        headers: bearer(outsider.jwt),
        org: 404,
        member: 404,
        self: 200,
      },
      {
        name: "member without the permission",
        headers: bearer(powerless.jwt),
        org: 403,
        member: 200,
        self: 200,
      },
      { name: "revoked API token", headers: bearer(revokedToken), org: 401, member: 401, self: 401 },
      { name: "expired API token", headers: bearer(expiredToken), org: 401, member: 401, self: 401 },
    ];
    const guarded = routes.filter((route) => classify(route) !== "public");
    expect(guarded.length).toBeGreaterThanOrEqual(15);
    let checked = 0;
    const failures: string[] = [];
    for (const route of guarded) {
      for (const caller of callers) {
        const response = await ctx.app.fetch(requestFor(route, caller.headers));
        const kind = classify(route);
        const expected = kind === "org" ? caller.org : kind === "member" ? caller.member : caller.self;
        const text = await response.text();
        const ok =
          expected === 200 ? response.status >= 200 && response.status < 300 : response.status === expected;
        // Whatever the status, nothing of the owner's organisation may appear in an answer to them.
        // Ids the caller sent may be echoed in a 404; names and emails it did not send must never appear.
        const leaked = [owner.email, "payments", "production", "platform", "stale", "prod-", "s3cr3t"].some(
          (secret) => text.includes(secret),
        );
        if (!ok || leaked)
          failures.push(
            `${route.method} ${route.path} as ${caller.name}: ${response.status}${leaked ? " (leaked)" : ""}`,
          );
        checked++;
      }
    }
    console.log(
      `tenancy: ${checked} route x caller cases checked (${guarded.length} routes, ${callers.length} callers)`,
    );
    expect(failures).toEqual([]);
  });

  it("lets the owner through on every guarded route, so the refusals above mean something", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => classify(r) !== "public" && r.method === "GET")) {
      const response = await ctx.app.fetch(requestFor(route, bearer(owner.jwt)));
      if (response.status !== 200) failures.push(`${route.method} ${route.path}: ${response.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("reports each member's effective keys: none for the custom role, management for the owner", async () => {
    const keysOf = async (who: SignedIn) =>
      (
        (await (
          await ctx.app.request(`/api/identity/orgs/${owner.personalOrgId}/users/keys`, {
            headers: bearer(who.jwt),
          })
        ).json()) as { keys: string[] }
      ).keys;
    expect(await keysOf(powerless)).toEqual([]);
    expect(await keysOf(owner)).toEqual(
      expect.arrayContaining(["workspaces:manage", "members:manage", "tokens:manage-own"]),
    );
    expect(await keysOf(owner)).not.toContain("catalog:review");
  });

  it("keeps credential secrets sealed at rest, redacted on read, and bound to their organisation", async () => {
    const { rowsOf } = await import("@meshplane/db/queries");
    const { sql } = await import("drizzle-orm");
    const stored = rowsOf<Record<string, unknown>>(await ctx.t.db.execute(sql`select * from credentials`));
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain("s3cr3t");
    const read = await ctx.app.request(
      `/api/integrations/credentials/${ids.credentials}?orgID=${owner.personalOrgId}`,
      {
        headers: bearer(owner.jwt),
      },
    );
    expect(read.status).toBe(200);
    const body = await read.text();
    expect(body).not.toContain("s3cr3t");
    expect(JSON.parse(body).secret).toEqual({ kubeconfig: "<redacted>" });
  });
});
