import { enqueueAgentJob } from "@meshplane/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";
import { createAgentTestApp, installAgent, postJson, type Registered } from "./testing";

type Page = {
  jobs: { id: string; kind: string; payload: Record<string, unknown>; attempts: number }[];
  nextPollSeconds: number;
};

describe("the agent job channel", () => {
  let ctx: TestApp;
  let user: SignedIn;
  let agent: Registered;
  beforeAll(async () => {
    ctx = await createAgentTestApp();
    user = await signIn(ctx);
    agent = await installAgent(ctx, user);
  });
  afterAll(() => ctx.close());

  const poll = async (who: Registered, query = "") => {
    const res = await ctx.app.request(`/api/agents/jobs${query}`, { headers: bearer(who.credential) });
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };
  const enqueue = (who: Registered, kind = "deploy") =>
    enqueueAgentJob(ctx.t.db, {
      organizationId: who.organizationId,
      agentId: who.agentId,
      kind,
      payload: { objects: [] },
      idempotencyKey: crypto.randomUUID(),
    });

  it("answers an empty short poll at once and tells the agent to back off", async () => {
    const began = Date.now();
    expect(await poll(agent)).toEqual({ jobs: [], nextPollSeconds: 5 });
    expect(Date.now() - began).toBeLessThan(1_000);
  });

  it("holds a long poll until a job is enqueued, then delivers it once", async () => {
    const began = Date.now();
    const waiting = poll(agent, "?wait=10");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const job = await enqueue(agent);
    const page = await waiting;
    expect(page.jobs.map((j) => [j.id, j.kind, j.attempts])).toEqual([[job.id, "deploy", 1]]);
    const waited = Date.now() - began;
    expect(waited).toBeGreaterThanOrEqual(1_500);
    expect(waited).toBeLessThan(6_000);
    expect((await poll(agent)).jobs).toEqual([]);
  });

  it("returns an empty page when the wait runs out", async () => {
    const began = Date.now();
    expect(await poll(agent, "?wait=2")).toEqual({ jobs: [], nextPollSeconds: 1 });
    expect(Date.now() - began).toBeGreaterThanOrEqual(1_900);
    expect(
      (await ctx.app.request("/api/agents/jobs?wait=26", { headers: bearer(agent.credential) })).status,
    ).toBe(400);
  });

  it("acknowledges and records a result once; an identical report is accepted, a different one conflicts", async () => {
    const job = await enqueue(agent);
    await poll(agent);
    const ack = await postJson(ctx, `/api/agents/jobs/${job.id}/ack`, {}, agent.credential);
    expect(await ack.json()).toEqual({ id: job.id, status: "acknowledged" });
    expect((await postJson(ctx, `/api/agents/jobs/${job.id}/ack`, {}, agent.credential)).status).toBe(200);

    const outcome = {
      status: "succeeded",
      result: { objects: [{ kind: "Namespace", name: "shop", action: "applied" }] },
    };
    const first = await postJson(ctx, `/api/agents/jobs/${job.id}/result`, outcome, agent.credential);
    expect(await first.json()).toEqual({ id: job.id, status: "succeeded", changed: true });
    const repeat = await postJson(ctx, `/api/agents/jobs/${job.id}/result`, outcome, agent.credential);
    expect(await repeat.json()).toEqual({ id: job.id, status: "succeeded", changed: false });
    const different = await postJson(
      ctx,
      `/api/agents/jobs/${job.id}/result`,
      { status: "failed", error: "boom" },
      agent.credential,
    );
    expect(different.status).toBe(409);
  });

  it("answers another organisation's agent with not found, and never delivers it their jobs", async () => {
    const stranger = await installAgent(ctx, await signIn(ctx));
    const job = await enqueue(agent);
    expect((await poll(stranger)).jobs).toEqual([]);
    expect((await postJson(ctx, `/api/agents/jobs/${job.id}/ack`, {}, stranger.credential)).status).toBe(404);
    const result = await postJson(
      ctx,
      `/api/agents/jobs/${job.id}/result`,
      { status: "succeeded" },
      stranger.credential,
    );
    expect(result.status).toBe(404);
    expect((await poll(agent)).jobs.map((j) => j.id)).toEqual([job.id]);
  });
});
