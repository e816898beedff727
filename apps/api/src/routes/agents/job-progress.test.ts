import { enqueueAgentJob, getPerformanceResult } from "@meshplane/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody, TestApp } from "../../testing/app";
import { type SignedIn, signIn } from "../../testing/identity";
import { caller, profileFor } from "../performance/testing";
import { createAgentTestApp, installAgent, postJson, type Registered } from "./testing";

type Result = { id: string; status: string; series: { second: number; requests: number; p99: number }[] };

const second = (n: number, requests: number, p99 = 5) => ({
  second: n,
  requests,
  errors: 0,
  failedStatuses: 0,
  p50: 1,
  p90: 2,
  p99,
});

describe("an in-cluster load test's live progress", () => {
  let ctx: TestApp;
  let user: SignedIn;
  let east: Registered;
  let west: Registered;
  let stranger: Registered;
  beforeAll(async () => {
    ctx = await createAgentTestApp();
    user = await signIn(ctx);
    [east, west] = [await installAgent(ctx, user), await installAgent(ctx, user)];
    stranger = await installAgent(ctx, await signIn(ctx));
  });
  afterAll(() => ctx.close());

  /** A run dispatched to both agents through the API, with each agent's job id. */
  async function dispatch() {
    const profile = await profileFor(ctx, user.personalOrgId);
    const started = await caller(ctx, user)("POST", `/api/performance/profiles/${profile.id}/run`, {
      connectionIds: [east.connectionId, west.connectionId],
    });
    expect(started.status).toBe(202);
    const result = (await started.json()) as Result & {
      runnerResults: { agents: { connectionId: string; jobId: string }[] };
    };
    const jobOf = (agent: Registered) =>
      result.runnerResults.agents.find((part) => part.connectionId === agent.connectionId)?.jobId ?? "";
    return { resultId: result.id, eastJob: jobOf(east), westJob: jobOf(west) };
  }

  const progress = (agent: Registered, jobId: string, body: unknown) =>
    postJson(ctx, `/api/agents/jobs/${jobId}/progress`, body, agent.credential);
  const read = async (id: string) =>
    (await (await caller(ctx, user)("GET", `/api/performance/results/${id}`)).json()) as Result;

  it("merges two agents' seconds into the running result's series as they arrive", async () => {
    const { resultId, eastJob, westJob } = await dispatch();
    expect((await read(resultId)).series).toEqual([]);
    const first = await progress(east, eastJob, { seconds: [second(0, 40, 9)] });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: true });
    expect((await read(resultId)).series).toMatchObject([{ second: 0, requests: 40, p99: 9 }]);
    // Both agents at once: neither's seconds are lost.
    await Promise.all([
      progress(east, eastJob, { seconds: [second(1, 50)] }),
      progress(west, westJob, { seconds: [second(0, 45, 12), second(1, 55)] }),
    ]);
    const live = await read(resultId);
    expect(live.status).toBe("running");
    // Requests add up; a second's percentiles are the worse agent's.
    expect(live.series).toMatchObject([
      { second: 0, requests: 85, p99: 12 },
      { second: 1, requests: 105 },
    ]);
    // A second sent again (a retry after a lost answer) replaces its copy rather than counting twice.
    await progress(west, westJob, { seconds: [second(1, 55)] });
    expect((await read(resultId)).series[1]?.requests).toBe(105);
  });

  it("refuses further seconds once the job has finished, saying so", async () => {
    const { resultId, eastJob } = await dispatch();
    const reported = await postJson(
      ctx,
      `/api/agents/jobs/${eastJob}/result`,
      { status: "failed", result: null, error: "stopped" },
      east.credential,
    );
    expect(reported.status).toBe(200);
    const late = await progress(east, eastJob, { seconds: [second(0, 10)] });
    expect(late.status).toBe(200);
    expect(await late.json()).toEqual({ accepted: false });
    const row = await getPerformanceResult(ctx.t.db, { organizationId: user.personalOrgId, id: resultId });
    expect(row?.series).toEqual([]);
  });

  it("answers 404 for another agent's job, another tenant's, a job that is no load test, or none", async () => {
    const { resultId, eastJob } = await dispatch();
    const deploy = await enqueueAgentJob(ctx.t.db, {
      organizationId: east.organizationId,
      agentId: east.agentId,
      kind: "deploy",
      payload: { objects: [] },
      idempotencyKey: crypto.randomUUID(),
    });
    const body = { seconds: [second(0, 1)] };
    for (const [agent, jobId] of [
      [west, eastJob],
      [stranger, eastJob],
      [east, deploy.id],
      [east, crypto.randomUUID()],
    ] as const) {
      const response = await progress(agent, jobId, body);
      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorBody).error.message).toBe(`No load test job ${jobId}`);
    }
    expect((await read(resultId)).series).toEqual([]);
  });

  it.each([
    ["no seconds", { seconds: [] }],
    ["too many seconds", { seconds: Array.from({ length: 121 }, (_, i) => second(i, 1)) }],
    ["a count that is a string", { seconds: [{ ...second(0, 1), requests: "many" }] }],
    ["a negative latency", { seconds: [{ ...second(0, 1), p99: -1 }] }],
    ["a second past an hour", { seconds: [second(3_601, 1)] }],
    ["an unknown field", { seconds: [{ ...second(0, 1), secret: "x" }] }],
    ["not an object", [1, 2, 3]],
  ])("refuses %s with 400 and stores nothing", async (_, body) => {
    const { resultId, eastJob } = await dispatch();
    const response = await progress(east, eastJob, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("BAD_REQUEST");
    expect((await read(resultId)).series).toEqual([]);
  });

  it("refuses a malformed body with 400 and a missing credential with 401", async () => {
    const { eastJob } = await dispatch();
    const malformed = await ctx.app.request(`/api/agents/jobs/${eastJob}/progress`, {
      method: "POST",
      headers: { authorization: `Bearer ${east.credential}`, "content-type": "application/json" },
      body: "{ not json",
    });
    expect(malformed.status).toBe(400);
    expect(
      (await postJson(ctx, `/api/agents/jobs/${eastJob}/progress`, { seconds: [second(0, 1)] })).status,
    ).toBe(401);
  });
});
