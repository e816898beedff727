import { listEvents, markAgentJobTimedOut } from "@meshplane/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody, TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";
import { createAgentTestApp, importShopDesign, installAgent, postJson, type Registered } from "./testing";

type Job = { id: string; kind: string; status: string; result: unknown; error: string | null };

describe("a design job through the deployment workflow", () => {
  let ctx: TestApp;
  let user: SignedIn;
  let other: SignedIn;
  let agent: Registered;
  let stranger: Registered;
  let designId: string;
  beforeAll(async () => {
    ctx = await createAgentTestApp();
    [user, other] = [await signIn(ctx), await signIn(ctx)];
    agent = await installAgent(ctx, user);
    stranger = await installAgent(ctx, other);
    designId = await importShopDesign(ctx, user);
  });
  afterAll(() => ctx.close());

  const requestJob = async (kind: string) => {
    const res = await postJson(
      ctx,
      "/api/agents/design-jobs",
      { orgId: user.personalOrgId, connectionId: agent.connectionId, designId, kind },
      user.jwt,
    );
    expect(res.status).toBe(202);
    return (await res.json()) as Job;
  };
  const reportResult = (jobId: string, body: unknown, credential: string | null = agent.credential) =>
    postJson(ctx, `/api/agents/jobs/${jobId}/result`, body, credential ?? undefined);
  const follow = async (jobId: string) =>
    (await (
      await ctx.app.request(`/api/agents/design-jobs/${jobId}?orgId=${user.personalOrgId}`, {
        headers: bearer(user.jwt),
      })
    ).json()) as Job;
  /**
   * The job's audit trail, once it holds `until` (or, without it, the request and anything past it): audits
   * are written asynchronously, so the workflow's outcome may land before the request's own audit does.
   */
  const auditFor = async (jobId: string, until?: string) => {
    let actions: string[] = [];
    for (let i = 0; i < 100; i++) {
      const rows = (await listEvents(ctx.t.db, { organizationId: user.personalOrgId, limit: 200 })).filter(
        (e) => e.metadata.jobId === jobId || e.resourceId === jobId,
      );
      actions = rows.map((e) => e.action).sort();
      const pastRequest =
        actions.some((a) => a.endsWith(".requested")) && actions.some((a) => !a.endsWith(".requested"));
      if (until ? actions.includes(until) : pastRequest) return actions;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return actions;
  };

  it("records the agent's result and the workflow's outcome once, however often the agent repeats it", async () => {
    const job = await requestJob("deploy");
    const outcome = {
      status: "succeeded",
      result: {
        designId,
        objects: [{ apiVersion: "v1", kind: "Namespace", name: "shop", action: "created" }],
      },
    };
    const first = await reportResult(job.id, outcome);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ changed: true, status: "succeeded" });
    const repeat = await reportResult(job.id, outcome);
    expect(await repeat.json()).toMatchObject({ changed: false });
    expect(await auditFor(job.id)).toEqual(["design.deploy.requested", "design.deploy.succeeded"]);
    expect((await follow(job.id)).status).toBe("succeeded");
  });

  it("takes a result that arrives after the timeout: the job shows what the agent did, and the trail says so", async () => {
    const job = await requestJob("dryRun");
    await markAgentJobTimedOut(ctx.t.db, {
      organizationId: user.personalOrgId,
      id: job.id,
      timeoutSeconds: 900,
    });
    const timedOut = await follow(job.id);
    expect(timedOut).toMatchObject({ status: "failed", result: { timedOut: true } });
    expect(timedOut.error).toMatch(/Timed out after 15 minutes/);

    const late = await reportResult(job.id, { status: "failed", result: { objects: [] }, error: "Conflict" });
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({ changed: true, status: "failed" });
    expect(await follow(job.id)).toMatchObject({
      status: "failed",
      error: "Conflict",
      result: { objects: [] },
    });
    expect(await auditFor(job.id, "agent.job.late_result")).toContain("agent.job.late_result");
    // Once the late result is in, a different one is a conflict again.
    const another = await reportResult(job.id, { status: "succeeded" });
    expect(another.status).toBe(409);
    expect(((await another.json()) as ErrorBody).error.code).toBeTruthy();
  });

  it("refuses hostile results with 4xx and the error envelope", async () => {
    const job = await requestJob("deploy");
    const cases: [string, unknown, string | null][] = [
      [job.id, { status: "exploded" }, agent.credential],
      [job.id, { status: "succeeded", extra: 1 }, agent.credential],
      [job.id, { status: "failed", error: "x".repeat(10_001) }, agent.credential],
      [job.id, "not an object", agent.credential],
      ["not-a-uuid", { status: "succeeded" }, agent.credential],
      [crypto.randomUUID(), { status: "succeeded" }, agent.credential],
      // Another organisation's agent cannot finish this job, and a user cannot speak for an agent.
      [job.id, { status: "succeeded" }, stranger.credential],
      [job.id, { status: "succeeded" }, user.jwt],
      [job.id, { status: "succeeded" }, null],
    ];
    for (const [index, [id, body, credential]] of cases.entries()) {
      const res = await reportResult(id, body, credential);
      expect(res.status, `case ${index}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(((await res.json()) as ErrorBody).error.code).toBeTruthy();
    }
    expect((await follow(job.id)).status).toBe("queued");
    // Another organisation's user cannot follow it either.
    const peek = await ctx.app.request(`/api/agents/design-jobs/${job.id}?orgId=${other.personalOrgId}`, {
      headers: bearer(other.jwt),
    });
    expect(peek.status).toBe(404);
  });

  it("lists an agent's recent jobs, newest first, to its organisation only", async () => {
    const job = await requestJob("undeploy");
    const list = async (who: SignedIn, agentId: string, query = "") =>
      ctx.app.request(`/api/agents/${agentId}/jobs?orgId=${who.personalOrgId}${query}`, {
        headers: bearer(who.jwt),
      });
    const res = await list(user, agent.agentId, "&limit=2");
    expect(res.status).toBe(200);
    const { jobs } = (await res.json()) as { jobs: (Job & { designId: string | null })[] };
    expect(jobs).toHaveLength(2);
    expect(jobs[0]).toMatchObject({ id: job.id, kind: "undeploy", status: "queued", designId });
    // Another organisation's agent, or this agent asked for by another organisation: not found.
    expect((await list(user, stranger.agentId)).status).toBe(404);
    expect((await list(other, agent.agentId)).status).toBe(404);
    for (const [id, query] of [
      ["not-a-uuid", ""],
      [agent.agentId, "&limit=0"],
      [agent.agentId, "&limit=1000"],
      [agent.agentId, "&limit=lots"],
      [crypto.randomUUID(), ""],
    ] as const) {
      const hostile = await list(user, id, query);
      expect(hostile.status, `${id}${query}`).toBeGreaterThanOrEqual(400);
      expect(hostile.status).toBeLessThan(500);
      expect(((await hostile.json()) as ErrorBody).error.code).toBeTruthy();
    }
    const anonymous = await ctx.app.request(`/api/agents/${agent.agentId}/jobs?orgId=${user.personalOrgId}`);
    expect(anonymous.status).toBe(401);
  });
});
