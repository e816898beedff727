import { InngestTestEngine, mockCtx } from "@inngest/test";
import {
  createPerformanceProfile,
  dispatchAgentPerformanceRun,
  getOrganizationAgentJob,
  getPerformanceResult,
  isTimedOutJob,
  listEvents,
  registerAgent,
  reportAgentJobResult,
} from "@meshplane/db/queries";
import { createOrganization, createTestDb, type TestDb } from "@meshplane/db/testing";
import { Histogram, mergeHistograms, serializeHistogram, summarizeLatency } from "@meshplane/loadgen/results";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createInngestClient } from "../../client";
import { createInProcessRunner, type InProcessRunner } from "../../in-process";
import { toInngestFunction } from "../../inngest";
import { agentRunReported, collectAgentRun } from "../../performance/agent-run";
import { agentRunReportedEvent, agentRunStartedEvent } from "../../performance/agent-run-events";
import { finishAgentPerformanceRun } from "./agent-run";
import { resumeAgentPerformanceRuns } from "./resume-agent-runs";

/** What an agent's loadTest job reports: the generator's result for these latencies (microseconds). */
function reportOf(latenciesUs: number[], durationMs = 1_000) {
  const histogram = new Histogram();
  for (const us of latenciesUs) histogram.record(us);
  return {
    requests: latenciesUs.length,
    rps: latenciesUs.length / (durationMs / 1000),
    durationMs,
    connections: 2,
    rate: null,
    latency: summarizeLatency(histogram),
    histogram: serializeHistogram(histogram),
    perSecond: [
      { second: 0, requests: latenciesUs.length, errors: 0, failedStatuses: 0, p50: 1, p90: 1, p99: 1 },
    ],
    statusCodes: { "200": latenciesUs.length },
    errors: {},
    endedEarly: null,
  };
}

describe("finish-agent-performance-run", () => {
  let t: TestDb;
  let runner: InProcessRunner;
  beforeAll(async () => {
    t = await createTestDb();
    runner = createInProcessRunner({ db: t.db, definitions: [finishAgentPerformanceRun], log: () => {} });
  });
  afterAll(() => t?.close());

  /** An organisation with two clusters' agents, a profile with thresholds, and a run dispatched to both. */
  async function dispatch(thresholds: string[], startedAgo = 0) {
    const { organization, owner } = await createOrganization(t.db);
    const organizationId = organization.id;
    const connections = [];
    for (const name of ["east", "west"]) {
      const { agent, connection } = await registerAgent(t.db, {
        organizationId,
        name,
        ownerId: owner.id,
        kubeSystemUid: crypto.randomUUID(),
        kubernetesVersion: "v1.34.1",
        nodeCount: 1,
        agentVersion: "0.1.0",
      });
      connections.push({ agentId: agent.id, connectionId: connection.id });
    }
    const profile = await createPerformanceProfile(t.db, {
      organizationId,
      name: "checkout",
      endpoints: ["http://checkout.shop.svc/"],
      duration: "1s",
      metadata: { thresholds },
    });
    const { result, parts } = await dispatchAgentPerformanceRun(t.db, {
      organizationId,
      profile,
      connectionIds: connections.map((c) => c.connectionId),
      name: "run",
      trigger: { by: "test" },
      now: new Date(Date.now() - startedAgo),
    });
    return { organizationId, result, parts };
  }

  const report = (organizationId: string, part: { agentId: string; jobId: string }, latencies: number[]) =>
    reportAgentJobResult(t.db, {
      organizationId,
      agentId: part.agentId,
      id: part.jobId,
      status: "succeeded",
      result: reportOf(latencies),
      error: null,
    });

  it("waits for the last agent's report, merges the histograms exactly and records one event", async () => {
    const { organizationId, result, parts } = await dispatch(["p(99)<50", "error_rate<0.01"]);
    const [east, west] = parts;
    if (!east || !west) throw new Error("two parts expected");
    await runner.send(agentRunStartedEvent(result));
    const east1 = Array.from({ length: 100 }, (_, i) => 1_000 + i * 10);
    const west1 = Array.from({ length: 300 }, (_, i) => 2_000 + i * 50);
    const { job: eastJob } = await report(organizationId, east, east1);
    // One agent of two is not the end of the run.
    expect(await agentRunReported(t.db, eastJob)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await getPerformanceResult(t.db, { organizationId, id: result.id }))?.status).toBe("running");
    const { job: westJob } = await report(organizationId, west, west1);
    const reported = await agentRunReported(t.db, westJob);
    expect(reported?.id).toBe(result.id);
    if (!reported) return;
    await runner.send(agentRunReportedEvent(reported));
    await runner.drain(5_000);
    const done = await getPerformanceResult(t.db, { organizationId, id: result.id });
    expect(done).toMatchObject({ status: "passed", passed: true, error: null });
    const merged = mergeHistograms([reportOf(east1).histogram, reportOf(west1).histogram]);
    expect(JSON.parse(done?.histogram ?? "null")).toEqual(serializeHistogram(merged));
    expect(merged.total).toBe(400);
    expect(done?.percentiles.p99).toBe(merged.valueAtPercentile(99) / 1000);
    const events = (await listEvents(t.db, { organizationId })).filter((e) => e.resourceId === result.id);
    expect(events.map((e) => e.action)).toEqual(["performance.run_finished"]);
    expect(events[0]?.description).toMatch(/on 2 clusters passed/);
  });

  it("fails the run when a threshold does not hold", async () => {
    const { organizationId, result, parts } = await dispatch(["p(99)<2"]);
    await runner.send(agentRunStartedEvent(result));
    let last = null;
    for (const part of parts) last = (await report(organizationId, part, [1_000, 5_000, 9_000])).job;
    const reported = last && (await agentRunReported(t.db, last));
    if (reported) await runner.send(agentRunReportedEvent(reported));
    await runner.drain(5_000);
    const done = await getPerformanceResult(t.db, { organizationId, id: result.id });
    expect(done).toMatchObject({ status: "failed", passed: false });
    const stored = done?.runnerResults as
      | { thresholds?: { expression: string; passed: boolean }[] }
      | undefined;
    const thresholds = stored?.thresholds;
    expect(thresholds).toEqual([expect.objectContaining({ expression: "p(99)<2", passed: false })]);
  });

  it("ends the run at its deadline with what arrived, times out the silent agent and names it", async () => {
    // Started so long ago that only 400 ms of its deadline remain.
    const { organizationId, result, parts } = await dispatch([], 1_000 + 60_000 - 400);
    const [east, west] = parts;
    if (!east || !west) throw new Error("two parts expected");
    await report(organizationId, east, [1_000, 2_000]);
    await runner.send(agentRunStartedEvent(result));
    expect((await getPerformanceResult(t.db, { organizationId, id: result.id }))?.status).toBe("running");
    await runner.drain(5_000);
    const done = await getPerformanceResult(t.db, { organizationId, id: result.id });
    expect(done).toMatchObject({ status: "failed", passed: false });
    expect(done?.error).toBe('the agent of cluster "west" did not report by the deadline');
    const agents = (done?.runnerResults as { agents?: { clusterName: string; status: string }[] } | undefined)
      ?.agents;
    expect(agents?.map((agent) => [agent.clusterName, agent.status])).toEqual([
      ["east", "succeeded"],
      ["west", "timedOut"],
    ]);
    expect((done?.runnerResults as { partial?: boolean } | undefined)?.partial).toBe(true);
    expect(done?.percentiles.max).toBe(2);
    const silent = await getOrganizationAgentJob(t.db, { organizationId, id: west.jobId });
    expect(silent && isTimedOutJob(silent)).toBe(true);
  });

  it("writes nothing more when a read finished the run first", async () => {
    const { organizationId, result, parts } = await dispatch([]);
    for (const part of parts) await report(organizationId, part, [1_000]);
    // A reader of the result finishes it before the workflow begins (as the page's poll may).
    const read = await collectAgentRun(t.db, result);
    expect(read.status).toBe("passed");
    await runner.send(agentRunStartedEvent(result));
    await runner.drain(5_000);
    const done = await getPerformanceResult(t.db, { organizationId, id: result.id });
    expect(done?.finishedAt?.getTime()).toBe(read.finishedAt?.getTime());
    const events = (await listEvents(t.db, { organizationId })).filter((e) => e.resourceId === result.id);
    expect(events).toHaveLength(1);
  });

  it("hands a run back to its finisher when a restarted process starts, and finishes it on the last report", async () => {
    const { organizationId, result, parts } = await dispatch([]);
    const [east, west] = parts;
    if (!east || !west) throw new Error("two parts expected");
    // The process that sent agent-run.started died with its wait; one agent reported meanwhile.
    await report(organizationId, east, [1_000]);
    const restarted = createInProcessRunner({
      db: t.db,
      definitions: [finishAgentPerformanceRun, resumeAgentPerformanceRuns],
      log: () => {},
    });
    await restarted.send({
      name: "system/instance.started",
      data: { version: "test", runtime: "node", mode: "one-machine", database: "postgres" },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await getPerformanceResult(t.db, { organizationId, id: result.id }))?.status).toBe("running");
    const { job } = await report(organizationId, west, [2_000]);
    const reported = await agentRunReported(t.db, job);
    if (!reported) throw new Error("both agents reported");
    await restarted.send(agentRunReportedEvent(reported));
    await restarted.drain(5_000);
    const done = await getPerformanceResult(t.db, { organizationId, id: result.id });
    expect(done).toMatchObject({ status: "passed", error: null });
    expect(done?.percentiles.max).toBe(2);
  });

  describe("on Inngest", () => {
    // As in the deployment workflow's tests: @inngest/test 1.0 mishandles a mocked waitForEvent's value, so
    // the wait is replaced on the step tools; every other tool is Inngest's own.
    const engine = (wait: () => Promise<unknown>) => {
      const waitForEvent = vi.fn(wait);
      const engine = new InngestTestEngine({
        function: toInngestFunction(createInngestClient({ isDev: true }), finishAgentPerformanceRun, {
          db: t.db,
        }),
        transformCtx: (raw) => {
          const ctx = mockCtx(raw);
          Object.assign(ctx.step, { waitForEvent });
          return ctx;
        },
      });
      return { engine, waitForEvent };
    };

    it("waits for the last report until the deadline, then merges and records the outcome", async () => {
      const { organizationId, result, parts } = await dispatch(["p(99)<50"]);
      const started = agentRunStartedEvent(result);
      const { engine: run, waitForEvent } = engine(async () => {
        let last = null;
        for (const part of parts) last = (await report(organizationId, part, [3_000, 4_000])).job;
        const reported = last && (await agentRunReported(t.db, last));
        return reported ? agentRunReportedEvent(reported) : null;
      });
      const { result: outcome } = await run.execute({ events: [started] });
      expect(waitForEvent).toHaveBeenCalledWith("the last agent's report", {
        event: "performance/agent-run.reported",
        match: "data.resultId",
        timeout: expect.any(Number),
      });
      // The wait lasts until the deadline, the run's 1 s plus the 60 s grace.
      const timeout = (waitForEvent.mock.calls[0] as unknown as [string, { timeout: number }])[1].timeout;
      expect(timeout).toBeGreaterThan(55_000);
      expect(timeout).toBeLessThanOrEqual(61_000);
      expect(outcome).toEqual({ status: "passed", passed: true, error: null });
      const events = (await listEvents(t.db, { organizationId })).filter((e) => e.resourceId === result.id);
      expect(events.map((e) => e.action)).toEqual(["performance.run_finished"]);
    });

    it("fails without retrying when the result is not in the organisation", async () => {
      const { result } = await dispatch([]);
      const other = await createOrganization(t.db);
      const { engine: run, waitForEvent } = engine(async () => null);
      const started = agentRunStartedEvent(result);
      const { error } = await run.execute({
        events: [{ ...started, data: { ...started.data, organizationId: other.organization.id } }],
      });
      expect(JSON.stringify(error)).toMatch(/No performance result/);
      expect(waitForEvent).not.toHaveBeenCalled();
    });
  });
});
