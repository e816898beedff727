import { createAgentBootstrapToken, revokeAgentCredential } from "@meshplane/db/queries";
import { agents } from "@meshplane/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody, TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";
import { bootstrapToken, clusterFacts, createAgentTestApp, installAgent, postJson } from "./testing";

const heartbeat = { agentVersion: "0.1.0" };

describe("agent bootstrap, registration and credentials", () => {
  let ctx: TestApp;
  let user: SignedIn;
  let other: SignedIn;
  beforeAll(async () => {
    ctx = await createAgentTestApp();
    [user, other] = [await signIn(ctx), await signIn(ctx)];
  });
  afterAll(() => ctx.close());

  async function refusal(res: Response, status: number): Promise<string> {
    expect(res.status).toBe(status);
    return ((await res.json()) as ErrorBody).error.message;
  }

  it("issues a single-use bootstrap token with the helm command that installs the agent", async () => {
    const res = await postJson(
      ctx,
      "/api/agents/bootstrap-tokens",
      { orgId: user.personalOrgId, name: "prod" },
      user.jwt,
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { token: string; expiresAt: string; installCommand: string };
    expect(body.token).toMatch(/^mpb_/);
    const minutes = (Date.parse(body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);
    expect(body.installCommand).toMatch(/^helm upgrade --install meshplane-agent /);
    expect(body.installCommand).toContain(`--set bootstrapToken='${body.token}'`);
    expect(body.installCommand).toContain("--set meshplane.url='http://api.meshplane.test'");
  });

  it("refuses a bootstrap token for another organisation as not found, and anonymous callers", async () => {
    const foreign = await postJson(
      ctx,
      "/api/agents/bootstrap-tokens",
      { orgId: other.personalOrgId },
      user.jwt,
    );
    expect(await refusal(foreign, 404)).toContain(other.personalOrgId);
    await refusal(await postJson(ctx, "/api/agents/bootstrap-tokens", { orgId: user.personalOrgId }), 401);
  });

  it("registers a cluster as a connected Kubernetes connection named after the token", async () => {
    const token = await bootstrapToken(ctx, user, "staging");
    const facts = clusterFacts();
    const res = await postJson(ctx, "/api/agents/register", { bootstrapToken: token, ...facts });
    expect(res.status).toBe(201);
    const agent = (await res.json()) as { credential: string; connectionId: string; organizationId: string };
    expect(agent.credential).toMatch(/^mpa_/);
    expect(agent.organizationId).toBe(user.personalOrgId);

    const page = (await (
      await ctx.app.request(`/api/integrations/connections?orgId=${user.personalOrgId}`, {
        headers: bearer(user.jwt),
      })
    ).json()) as {
      connections: { id: string; name: string; kind: string; status: string; metadata: unknown }[];
    };
    expect(page.connections.find((c) => c.id === agent.connectionId)).toMatchObject({
      name: "staging",
      kind: "kubernetes",
      status: "connected",
      metadata: { kubeSystemUid: facts.kubeSystemUid, nodeCount: 3, kubernetesVersion: "v1.34.1" },
    });

    const beat = await postJson(ctx, "/api/agents/heartbeat", heartbeat, agent.credential);
    expect(beat.status).toBe(200);
    expect(await beat.json()).toMatchObject({ connectionId: agent.connectionId, status: "connected" });

    // The same cluster again (a reinstall) gets a new credential for the same connection.
    const again = await installAgent(ctx, user, facts);
    expect(again.connectionId).toBe(agent.connectionId);
    expect(
      await refusal(await postJson(ctx, "/api/agents/heartbeat", heartbeat, agent.credential), 401),
    ).toMatch(/not valid/);
  });

  it("refuses used, expired and unknown bootstrap tokens with clear messages", async () => {
    const token = await bootstrapToken(ctx, user);
    expect(
      (await postJson(ctx, "/api/agents/register", { bootstrapToken: token, ...clusterFacts() })).status,
    ).toBe(201);
    const reused = await postJson(ctx, "/api/agents/register", { bootstrapToken: token, ...clusterFacts() });
    expect(await refusal(reused, 401)).toMatch(/already been used/);

    const expired = await createAgentBootstrapToken(ctx.t.db, {
      organizationId: user.personalOrgId,
      ttlMs: -1,
    });
    const late = await postJson(ctx, "/api/agents/register", {
      bootstrapToken: expired.token,
      ...clusterFacts(),
    });
    expect(await refusal(late, 401)).toMatch(/expired/);

    const unknown = await postJson(ctx, "/api/agents/register", {
      bootstrapToken: "mpb_made_up",
      ...clusterFacts(),
    });
    expect(await refusal(unknown, 401)).toMatch(/not valid/);
    const missingFacts = await postJson(ctx, "/api/agents/register", { bootstrapToken: token });
    expect(missingFacts.status).toBe(400);
  });

  it("refuses a revoked or expired credential, and user credentials on the agent channel", async () => {
    const agent = await installAgent(ctx, user);
    await revokeAgentCredential(ctx.t.db, { organizationId: agent.organizationId, id: agent.agentId });
    expect(
      await refusal(await postJson(ctx, "/api/agents/heartbeat", heartbeat, agent.credential), 401),
    ).toMatch(/revoked/);

    const aged = await installAgent(ctx, user);
    await ctx.t.db
      .update(agents)
      .set({ credentialExpiresAt: new Date(Date.now() - 1) })
      .where(eq(agents.id, aged.agentId));
    expect(
      await refusal(await postJson(ctx, "/api/agents/heartbeat", heartbeat, aged.credential), 401),
    ).toMatch(/expired/);

    expect(await refusal(await postJson(ctx, "/api/agents/heartbeat", heartbeat, user.jwt), 401)).toMatch(
      /mpa_/,
    );
    // And the agent's credential does not act as a user.
    const live = await installAgent(ctx, user);
    const asUser = await ctx.app.request(`/api/integrations/connections?orgId=${user.personalOrgId}`, {
      headers: bearer(live.credential),
    });
    expect(asUser.status).toBe(401);
  });

  it("rotates: the new credential works, the old one only through its grace period", async () => {
    const agent = await installAgent(ctx, user);
    const res = await postJson(ctx, "/api/agents/credentials/rotate", {}, agent.credential);
    expect(res.status).toBe(200);
    const rotated = (await res.json()) as {
      credential: string;
      previousValidUntil: string;
      credentialExpiresAt: string;
    };
    expect(rotated.credential).not.toBe(agent.credential);
    expect(Date.parse(rotated.credentialExpiresAt) - Date.now()).toBeGreaterThan(29 * 24 * 3_600_000);
    expect((await postJson(ctx, "/api/agents/heartbeat", heartbeat, rotated.credential)).status).toBe(200);
    expect((await postJson(ctx, "/api/agents/heartbeat", heartbeat, agent.credential)).status).toBe(200);

    await ctx.t.db
      .update(agents)
      .set({ previousCredentialExpiresAt: new Date(Date.now() - 1) })
      .where(eq(agents.id, agent.agentId));
    expect(
      await refusal(await postJson(ctx, "/api/agents/heartbeat", heartbeat, agent.credential), 401),
    ).toMatch(/rotated/);
    expect((await postJson(ctx, "/api/agents/heartbeat", heartbeat, rotated.credential)).status).toBe(200);
  });

  it("lists the organisation's agents and lets a manager revoke one; other organisations see neither", async () => {
    const agent = await installAgent(ctx, user);
    const q = `?orgId=${user.personalOrgId}`;
    const listed = (await (
      await ctx.app.request(`/api/agents${q}`, { headers: bearer(user.jwt) })
    ).json()) as {
      agents: { id: string; revoked: boolean; version: string }[];
    };
    expect(listed.agents.find((a) => a.id === agent.agentId)).toMatchObject({
      revoked: false,
      version: "0.1.0",
    });

    const foreign = await postJson(
      ctx,
      `/api/agents/${agent.agentId}/revoke?orgId=${other.personalOrgId}`,
      {},
      other.jwt,
    );
    expect(foreign.status).toBe(404);
    const outsider = await ctx.app.request(`/api/agents?orgId=${user.personalOrgId}`, {
      headers: bearer(other.jwt),
    });
    expect(outsider.status).toBe(404);

    const revoked = await postJson(ctx, `/api/agents/${agent.agentId}/revoke${q}`, {}, user.jwt);
    expect(await revoked.json()).toMatchObject({ id: agent.agentId, revoked: true });
    expect(
      await refusal(await postJson(ctx, "/api/agents/heartbeat", heartbeat, agent.credential), 401),
    ).toMatch(/revoked/);
  });

  it("documents the agent routes and the agent credential in the OpenAPI reference", () => {
    const document = ctx.app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "1" } });
    expect(document.components?.securitySchemes?.agentCredential).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(Object.keys(document.paths ?? {})).toEqual(
      expect.arrayContaining(["/api/agents/register", "/api/agents/jobs", "/api/agents/jobs/{id}/result"]),
    );
    expect(document.paths?.["/api/agents/heartbeat"]?.post?.security).toEqual([{ agentCredential: [] }]);
  });
});
