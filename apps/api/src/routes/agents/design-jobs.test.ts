import { claimAgentJobs } from "@meshplane/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";
import { createAgentTestApp, importShopDesign, installAgent, postJson, type Registered } from "./testing";

type Job = { id: string; kind: string; status: string; result: unknown };

describe("design jobs requested by users", () => {
  let ctx: TestApp;
  let user: SignedIn;
  let other: SignedIn;
  let agent: Registered;
  let designId: string;
  beforeAll(async () => {
    ctx = await createAgentTestApp();
    [user, other] = [await signIn(ctx), await signIn(ctx)];
    agent = await installAgent(ctx, user);
    designId = await importShopDesign(ctx, user);
  });
  afterAll(() => ctx.close());

  const request = (who: SignedIn, body: Record<string, unknown>) =>
    postJson(
      ctx,
      "/api/agents/design-jobs",
      { orgId: who.personalOrgId, connectionId: agent.connectionId, designId, ...body },
      who.jwt,
    );

  it("queues the design's objects in apply order for the connection's agent, once per idempotency key", async () => {
    const res = await request(user, { kind: "deploy", idempotencyKey: "deploy-1" });
    expect(res.status).toBe(202);
    const job = (await res.json()) as Job;
    expect(job).toMatchObject({ kind: "deploy", status: "queued", result: null });
    const again = (await (await request(user, { kind: "deploy", idempotencyKey: "deploy-1" })).json()) as Job;
    expect(again.id).toBe(job.id);

    const [delivered] = await claimAgentJobs(ctx.t.db, {
      organizationId: agent.organizationId,
      agentId: agent.agentId,
      limit: 5,
    });
    const payload = delivered?.payload as {
      designId: string;
      designVersion: string;
      objects: { kind: string }[];
    };
    expect(payload.designId).toBe(designId);
    expect(payload.designVersion).toBe("1");
    expect(payload.objects.map((o) => o.kind)).toEqual(["Namespace", "ConfigMap", "Deployment"]);

    const followed = await ctx.app.request(`/api/agents/design-jobs/${job.id}?orgId=${user.personalOrgId}`, {
      headers: bearer(user.jwt),
    });
    expect(((await followed.json()) as Job).status).toBe("delivered");
  });

  it("sends undeploy without objects: the agent goes by its inventory", async () => {
    const job = (await (await request(user, { kind: "undeploy" })).json()) as Job;
    const delivered = await claimAgentJobs(ctx.t.db, {
      organizationId: agent.organizationId,
      agentId: agent.agentId,
      limit: 5,
    });
    expect(delivered.find((row) => row.id === job.id)?.payload).toEqual({ designId, designVersion: "1" });
  });

  it("answers not found for another organisation's connection, design or job, and a connection without an agent", async () => {
    expect((await request(other, { kind: "deploy" })).status).toBe(404);
    const job = (await (await request(user, { kind: "dryRun" })).json()) as Job;
    const peek = await ctx.app.request(`/api/agents/design-jobs/${job.id}?orgId=${other.personalOrgId}`, {
      headers: bearer(other.jwt),
    });
    expect(peek.status).toBe(404);
    const stranger = await installAgent(ctx, other);
    const foreignConnection = await postJson(
      ctx,
      "/api/agents/design-jobs",
      { orgId: user.personalOrgId, connectionId: stranger.connectionId, designId, kind: "deploy" },
      user.jwt,
    );
    expect(foreignConnection.status).toBe(404);
    expect((await request(user, { kind: "deploy", designId: crypto.randomUUID() })).status).toBe(404);
  });
});
