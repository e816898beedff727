// Every route of the OpenAPI document, called by each kind of caller that must not get through.
import {
  addMembership,
  createApiToken,
  createConnection,
  createCustomRole,
  createDesign,
  createEnvironment,
  createInvitation,
  createOrganization,
  createPerformanceProfile,
  createPerformanceSchedule,
  createTeam,
  createWorkspace,
  registerAgent,
  revokeApiToken,
  startPerformanceResult,
} from "@meshplane/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./testing/app";
import { bearer, type SignedIn, signIn } from "./testing/identity";

type Route = { method: string; path: string };
const DESIGN = {
  id: "0b7c4a4e-95a7-4d4c-9d7e-0d8a1d1f2c3b",
  name: "payments-stack",
  schemaVersion: "designs.meshery.io/v1beta1",
  version: "0.0.1",
  components: [],
  relationships: [],
};
type Caller = "anonymous" | "outsider" | "powerless" | "revoked" | "expired";
const SECRET = "apiVersion: v1\nkind: Config\nusers: [{name: admin, user: {token: s3cr3t-cluster-token}}]";
// Strings only the owner's organisation holds: none may appear in an answer to a refused caller.
const PRIVATE = [
  "payments-stack",
  "Acme Corp",
  "payments",
  "production",
  "platform",
  "stale",
  "prod-",
  "s3cr3t",
  "invitee@",
];

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
  "POST /api/registry/relationships/evaluate",
  "GET /api/catalog/designs",
  "GET /api/catalog/designs/{id}",
  "GET /api/catalog/designs/{id}/download",
  "GET /api/catalog/content/pattern",
  "GET /api/registry/models",
  "GET /api/registry/models/{name}",
  "GET /api/registry/components",
  "GET /api/registry/components/{id}",
  "GET /api/registry/relationships",
  "GET /api/agents/install/manifest.yaml",
  // An agent registers with its single-use bootstrap token in the body.
  "POST /api/agents/register",
]);

// The agent channel answers agents only: every user credential is refused as 401, outsiders included.
const agentOnlyRoutes = new Set([
  "POST /api/agents/credentials/rotate",
  "GET /api/agents/jobs",
  "POST /api/agents/jobs/{id}/ack",
  "POST /api/agents/jobs/{id}/result",
  "POST /api/agents/jobs/{id}/progress",
  "POST /api/agents/heartbeat",
  "POST /api/agents/inventory",
]);

/** The status each caller must get. Signed-in callers reach routes about themselves; tokens here are dead. */
function expectedStatus(key: string, caller: Caller): number | "2xx" {
  if (caller === "anonymous" || caller === "revoked" || caller === "expired") return 401;
  if (agentOnlyRoutes.has(key)) return 401;
  // About the caller alone: their profile, preferences, organisations, a new organisation of their own.
  if (
    [
      "GET /api/identity/users/profile",
      "PUT /api/identity/users/preferences",
      "GET /api/identity/orgs",
      "POST /api/identity/orgs",
    ].includes(key)
  ) {
    return "2xx";
  }
  // An invitation code not addressed to the caller does not exist for them; nor does a design Meshery
  // names that none of the caller's organisations holds.
  if (key === "POST /api/organizations/invitations/accept") return 404;
  if (key.endsWith(" /api/catalog/content/pattern")) return 404;
  // The review queue is the curators' alone, whatever organisation the caller belongs to.
  if (key.startsWith("GET /api/catalog/requests") || key.startsWith("POST /api/catalog/requests/"))
    return 403;
  // So is importing models into the registry every tenant shares.
  if (key === "POST /api/registry/models/import") return 403;
  if (caller === "outsider") return 404;
  // A member whose role grants nothing may still read which keys they hold.
  return key === "GET /api/identity/orgs/{orgId}/users/keys" ? "2xx" : 403;
}

describe("tenancy: every route against every caller that must be refused", () => {
  let ctx: TestApp;
  let owner: SignedIn;
  let outsider: SignedIn;
  let powerless: SignedIn;
  let orgId: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let routes: Route[] = [];

  beforeAll(async () => {
    ctx = await createTestApp();
    [owner, outsider, powerless] = [await signIn(ctx), await signIn(ctx), await signIn(ctx)];
    const db = ctx.t.db;
    orgId = (await createOrganization(db, { name: "Acme Corp", ownerId: owner.userId })).id;
    const organizationId = orgId;
    // A member whose only role is a custom one granting nothing.
    ids.roles = (
      await createCustomRole(db, { organizationId, key: "observer", name: "Observer", permissionKeys: [] })
    ).id;
    await addMembership(db, { organizationId, userId: powerless.userId, roleKeys: ["observer"] });
    ids.workspaces = (await createWorkspace(db, { organizationId, name: "payments" })).id;
    ids.environments = (await createEnvironment(db, { organizationId, name: "production" })).id;
    ids.teams = (await createTeam(db, { organizationId, name: "platform" })).id;
    ids.designs = (
      await createDesign(db, {
        organizationId,
        name: "payments-stack",
        content: DESIGN,
        ownerId: owner.userId,
      })
    ).design.id;
    // Meshery's patterns are our designs.
    ids.patterns = ids.designs;
    ids.profiles = (
      await createPerformanceProfile(db, {
        organizationId,
        name: "production-checkout",
        endpoints: ["http://127.0.0.1:9/"],
      })
    ).id;
    ids.results = (
      await startPerformanceResult(db, { organizationId, profileId: ids.profiles, name: "production-run" })
    ).id;
    ids.schedules = (
      await createPerformanceSchedule(db, {
        organizationId,
        profileId: ids.profiles,
        name: "production-nightly",
        cronExpression: "0 3 * * *",
        enabled: true,
        connectionIds: [],
      })
    ).id;
    ids.connections = (
      await createConnection(db, {
        organizationId,
        name: "prod-cluster",
        kind: "kubernetes",
        type: "platform",
        subType: "orchestration",
      })
    ).id;
    // An installed cluster, so routes about an agent ({id} of /api/agents/{id}/...) have one to refuse.
    ids.agents = (
      await registerAgent(db, {
        organizationId,
        name: "prod-agent",
        kubeSystemUid: crypto.randomUUID(),
        kubernetesVersion: "v1.34.1",
        nodeCount: 3,
        agentVersion: "0.1.0",
      })
    ).agent.id;
    const invitation = await createInvitation(db, {
      organizationId,
      invitedById: owner.userId,
      email: "invitee@example.test",
      roleKey: "user",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    ids.invitations = invitation.invitation.id;
    tokens.code = invitation.code;
    const credential = await ctx.app.request(`/api/integrations/credentials?orgID=${organizationId}`, {
      method: "POST",
      headers: { ...bearer(owner.jwt), "content-type": "application/json" },
      body: JSON.stringify({ name: "prod-kubeconfig", type: "kubeconfig", secret: { kubeconfig: SECRET } }),
    });
    ids.credentials = ((await credential.json()) as { id: string }).id;
    const revoked = await createApiToken(db, { organizationId, userId: owner.userId, name: "old" });
    await revokeApiToken(db, { organizationId, id: revoked.apiToken.id });
    tokens.revoked = revoked.token;
    ids.tokens = revoked.apiToken.id;
    const expired = await createApiToken(db, {
      organizationId,
      userId: owner.userId,
      name: "stale",
      expiresAt: new Date(Date.now() - 1000),
    });
    tokens.expired = expired.token;
    const document = (await (await ctx.app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path })),
    );
  });
  afterAll(() => ctx.close());

  /** A valid body per write route, so what is tested is the refusal, not the validation before it. */
  function bodyFor(key: string): unknown {
    const bodies: Record<string, unknown> = {
      "POST /api/identity/tokens": { orgId, name: "probe" },
      "POST /api/identity/orgs": { name: `probe-${crypto.randomUUID()}` },
      "PUT /api/identity/users/preferences": { loadTestPrefs: { qps: 1 } },
      "POST /api/integrations/connections": { name: "probe", kind: "kubernetes" },
      "PUT /api/integrations/connections/{id}": { status: "registered" },
      "POST /api/integrations/credentials": { name: "probe", type: "token", secret: { token: "x" } },
      "PUT /api/identity/orgs/{orgId}/users/{userId}": { roleNames: ["user"] },
      "POST /api/identity/orgs/{orgId}/roles": { key: "probe", roleName: "Probe", permissionKeys: [] },
      "POST /api/organizations/invitations": { orgId, email: "probe@example.test" },
      "POST /api/organizations/invitations/accept": { code: tokens.code },
      "POST /api/events": { category: "pattern", action: "deploy", severity: "success" },
      "POST /api/designs": { orgId, design: DESIGN },
      "POST /api/agents/bootstrap-tokens": { orgId },
      "POST /api/agents/design-jobs": {
        orgId,
        connectionId: ids.connections,
        designId: ids.designs,
        kind: "dryRun",
      },
      "POST /api/agents/jobs/{id}/result": { status: "succeeded", result: {} },
      "POST /api/agents/jobs/{id}/progress": {
        seconds: [{ second: 0, requests: 1, errors: 0, failedStatuses: 0, p50: 1, p90: 1, p99: 1 }],
      },
      "POST /api/agents/heartbeat": { agentVersion: "0.1.0" },
      "POST /api/agents/inventory": { deltas: [] },
      "POST /api/performance/profiles": { name: "probe", endpoints: ["http://127.0.0.1:9/"] },
      "PUT /api/performance/profiles/{id}": { name: "probe", endpoints: ["http://127.0.0.1:9/"] },
      "POST /api/performance/profiles/{id}/run": {},
      "POST /api/performance/schedules": {
        profileId: ids.profiles,
        cronExpression: "0 * * * *",
        connectionIds: [ids.connections],
      },
      "PUT /api/performance/schedules/{id}": {
        profileId: ids.profiles,
        cronExpression: "0 * * * *",
        connectionIds: [ids.connections],
      },
      "POST /api/performance/results/import": {
        profileId: ids.profiles,
        data: { latencies_ms: { p50: 1 }, actual_qps: 1 },
      },
      "POST /api/content/patterns": { pattern_data: { pattern_file: JSON.stringify(DESIGN) }, save: true },
      "POST /api/catalog/designs/{id}/clone": { orgId },
      "PUT /api/catalog/designs/{id}": { type: "Security" },
      "POST /api/designs/{id}/publication-requests": { type: "Workloads" },
      "POST /api/catalog/requests/{id}/deny": { reason: "not yet" },
      "POST /api/catalog/content/pattern": { id: ids.designs },
      "DELETE /api/catalog/content/pattern": { id: ids.designs },
      "POST /api/registry/models/import": {
        name: "probe-model",
        version: "v1.0.0",
        displayName: "Probe",
        components: [],
        relationships: [],
      },
      "POST /api/designs/import": {
        orgId,
        content: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: probe}\n",
      },
    };
    if (key in bodies) return bodies[key];
    if (key.startsWith("PUT ")) return { name: "renamed" };
    return { organizationId: orgId, name: `probe-${crypto.randomUUID()}` };
  }

  function requestFor(route: Route, headers: Record<string, string>): Request {
    const key = `${route.method} ${route.path}`;
    // `{id}` belongs to the segment just before it: /api/designs/{id}/revisions is a design's id.
    const parts = route.path.split("/");
    const resource = parts[parts.indexOf("{id}") - 1] ?? "";
    const path = route.path
      .replace("{orgId}", orgId)
      .replace("{userId}", powerless.userId)
      .replace("{roleId}", ids.roles ?? "")
      .replace("{version}", "v0.8.0")
      .replace("{number}", "1")
      .replace("{childId}", ids[parts[parts.indexOf("{childId}") - 1] ?? ""] ?? crypto.randomUUID())
      .replace("{id}", ids[resource] ?? crypto.randomUUID());
    const url = new URL(`http://api.test${path}`);
    url.searchParams.set("orgID", orgId);
    if (key === "DELETE /api/integrations/credentials")
      url.searchParams.set("credential_id", ids.credentials ?? "");
    if (key === "GET /api/performance/compare") url.searchParams.set("ids", ids.results ?? "");
    if (key === "GET /api/performance/schedules/next-runs")
      url.searchParams.set("cronExpression", "0 * * * *");
    if (key === "GET /api/designs/{id}/diff") {
      url.searchParams.set("from", "1");
      url.searchParams.set("to", "1");
    }
    const body =
      route.method === "POST" || route.method === "PUT" || key === "DELETE /api/catalog/content/pattern"
        ? JSON.stringify(bodyFor(key))
        : undefined;
    return new Request(url, {
      method: route.method,
      headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body } : {}),
    });
  }

  it("refuses anonymous, outsiders, members without the permission, revoked and expired tokens", async () => {
    const callers: { name: Caller; headers: Record<string, string> }[] = [
      { name: "anonymous", headers: {} },
      { name: "outsider", headers: bearer(outsider.jwt) },
      { name: "powerless", headers: bearer(powerless.jwt) },
      { name: "revoked", headers: bearer(tokens.revoked ?? "") },
      { name: "expired", headers: bearer(tokens.expired ?? "") },
    ];
    const guarded = routes.filter((route) => !publicRoutes.has(`${route.method} ${route.path}`));
    expect(guarded.length).toBeGreaterThanOrEqual(40);
    let checked = 0;
    const failures: string[] = [];
    for (const route of guarded) {
      for (const caller of callers) {
        const key = `${route.method} ${route.path}`;
        const response = await ctx.app.fetch(requestFor(route, caller.headers));
        const expected = expectedStatus(key, caller.name);
        const text = await response.text();
        const ok =
          expected === "2xx" ? response.status >= 200 && response.status < 300 : response.status === expected;
        // A member, even a powerless one, knows the organisation's name; nothing else of it.
        const leaked = PRIVATE.filter(
          (secret) => text.includes(secret) && !(caller.name === "powerless" && secret === "Acme Corp"),
        );
        if (!ok || leaked.length > 0) {
          failures.push(
            `${key} as ${caller.name}: ${response.status} (want ${expected})${leaked.length ? ` leaked ${leaked}` : ""}`,
          );
        }
        checked++;
      }
    }
    console.log(
      `tenancy: ${checked} route x caller cases checked (${guarded.length} routes, ${callers.length} callers)`,
    );
    expect(failures).toEqual([]);
  });

  it("lets the owner through on every guarded read, so the refusals above mean something", async () => {
    const failures: string[] = [];
    for (const route of routes.filter(
      (r) =>
        !publicRoutes.has(`${r.method} ${r.path}`) &&
        r.method === "GET" &&
        !r.path.startsWith("/api/catalog/requests") &&
        !agentOnlyRoutes.has(`${r.method} ${r.path}`) &&
        // No agent has run a job in this fixture, so there is no job to read.
        r.path !== "/api/agents/design-jobs/{id}",
    )) {
      const response = await ctx.app.fetch(requestFor(route, bearer(owner.jwt)));
      if (response.status !== 200) failures.push(`${route.method} ${route.path}: ${response.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("reports each member's effective keys: none for the custom role, management for the owner", async () => {
    const keysOf = async (who: SignedIn) => {
      const response = await ctx.app.request(`/api/identity/orgs/${orgId}/users/keys`, {
        headers: bearer(who.jwt),
      });
      return ((await response.json()) as { keys: string[] }).keys;
    };
    expect(await keysOf(powerless)).toEqual([]);
    expect(await keysOf(owner)).toEqual(
      expect.arrayContaining(["workspaces:manage", "members:manage", "tokens:manage-own"]),
    );
    expect(await keysOf(owner)).not.toContain("catalog:review");
  });

  it("keeps credential secrets sealed at rest, redacted on read", async () => {
    const { rowsOf } = await import("@meshplane/db/queries");
    const { sql } = await import("drizzle-orm");
    const stored = rowsOf<Record<string, unknown>>(await ctx.t.db.execute(sql`select * from credentials`));
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain("s3cr3t");
    const read = await ctx.app.request(`/api/integrations/credentials/${ids.credentials}?orgID=${orgId}`, {
      headers: bearer(owner.jwt),
    });
    expect(read.status).toBe(200);
    const body = await read.text();
    expect(body).not.toContain("s3cr3t");
    expect(JSON.parse(body).secret).toEqual({ kubeconfig: "<redacted>" });
  });
});
