import { InngestTestEngine, mockCtx } from "@inngest/test";
import {
  getOrganizationAgentJob,
  listEvents,
  listWorkflowRuns,
  recordLateAgentJobResult,
  reportAgentJobResult,
} from "@meshplane/db/queries";
import { createTestDb, type TestDb } from "@meshplane/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createInngestClient } from "../../client";
import { createInProcessRunner } from "../../in-process";
import { toInngestFunction } from "../../inngest";
import { followDesignJobWith } from "./deployment";
import { type AgentFixture, createAgentFixture, finished, queueDesignJob } from "./testing";

const objects = [
  { apiVersion: "v1", kind: "Namespace", name: "shop", action: "created" },
  {
    apiVersion: "apps/v1",
    kind: "Deployment",
    namespace: "shop",
    name: "web",
    action: "failed",
    error: { status: 409, reason: "Conflict", message: "conflict with kubectl", causes: [] },
  },
];

describe("follow-design-job", () => {
  let t: TestDb;
  let fixture: AgentFixture;
  beforeAll(async () => {
    t = await createTestDb();
    fixture = await createAgentFixture(t.db);
  });
  afterAll(() => t?.close());

  const outcomeEvents = async (jobId: string) =>
    (await listEvents(t.db, { organizationId: fixture.organizationId, limit: 200 })).filter(
      (e) => e.metadata.jobId === jobId && e.action.startsWith("design."),
    );
  const report = (jobId: string, status: "succeeded" | "failed", error: string | null = null) =>
    reportAgentJobResult(t.db, {
      organizationId: fixture.organizationId,
      agentId: fixture.agentId,
      id: jobId,
      status,
      result: { objects },
      error,
    });

  it("wakes on the agent's result and records the outcome once, even when the result is announced twice", async () => {
    const runner = createInProcessRunner({
      db: t.db,
      definitions: [followDesignJobWith({ resultTimeoutMs: 20_000 })],
      log: () => {},
    });
    const request = await queueDesignJob(t.db, fixture);
    const started = Date.now();
    await runner.send(request);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await report(request.data.jobId, "failed", "1 of 2 objects failed");
    await runner.send(finished(request, "failed"));
    // A duplicate with another id (say, a retried request that lost its answer) must change nothing.
    await runner.send({ ...finished(request, "failed"), id: crypto.randomUUID() });
    await runner.drain(25_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    const recorded = await outcomeEvents(request.data.jobId);
    expect(recorded.map((e) => e.action)).toEqual(["design.deploy.failed"]);
    expect(recorded[0]).toMatchObject({ severity: "error", metadata: { objects: 2, failedObjects: 1 } });
    expect(recorded[0]?.description).toContain("1 of 2 objects failed");
    const [run] = await listWorkflowRuns(t.db, { functionId: "follow-design-job" });
    expect(run).toMatchObject({ status: "completed", output: { status: "failed", objects: 2 } });
  });

  it("times out a job whose agent never reports, withdraws it from delivery and says why", async () => {
    const runner = createInProcessRunner({
      db: t.db,
      definitions: [followDesignJobWith({ resultTimeoutMs: 100 })],
      log: () => {},
    });
    const request = await queueDesignJob(t.db, fixture, "dryRun");
    await runner.send(request);
    await runner.drain(5_000);
    const job = await getOrganizationAgentJob(t.db, {
      organizationId: fixture.organizationId,
      id: request.data.jobId,
    });
    expect(job).toMatchObject({
      status: "failed",
      result: { timedOut: true, statusAtTimeout: "queued" },
    });
    expect(job?.error).toMatch(/^Timed out after .*never picked it up/);
    const recorded = await outcomeEvents(request.data.jobId);
    expect(recorded.map((e) => e.action)).toEqual(["design.dryRun.timed_out"]);
    expect(recorded[0]?.severity).toBe("warning");

    // The agent answers late: its truth replaces the timeout, but the workflow does not record twice.
    await expect(report(request.data.jobId, "succeeded")).rejects.toThrow(/different result/);
    const late = await recordLateAgentJobResult(t.db, {
      organizationId: fixture.organizationId,
      agentId: fixture.agentId,
      id: request.data.jobId,
      status: "succeeded",
      result: { objects },
      error: null,
    });
    expect(late).toMatchObject({ status: "succeeded", error: null });
    await runner.send(finished(request, "succeeded", true));
    await runner.drain(5_000);
    expect((await outcomeEvents(request.data.jobId)).map((e) => e.action)).toEqual([
      "design.dryRun.timed_out",
    ]);
  });

  it("records a result that landed before the workflow started waiting without waiting for it", async () => {
    const runner = createInProcessRunner({
      db: t.db,
      definitions: [followDesignJobWith({ resultTimeoutMs: 60_000 })],
      log: () => {},
    });
    const request = await queueDesignJob(t.db, fixture, "undeploy");
    await report(request.data.jobId, "succeeded");
    const started = Date.now();
    await runner.send(request);
    await runner.drain(10_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await outcomeEvents(request.data.jobId)).map((e) => e.action)).toEqual([
      "design.undeploy.succeeded",
    ]);
  });

  it("does not let a late result rewrite a job that finished normally", async () => {
    const request = await queueDesignJob(t.db, fixture);
    await report(request.data.jobId, "failed", "boom");
    const late = await recordLateAgentJobResult(t.db, {
      organizationId: fixture.organizationId,
      agentId: fixture.agentId,
      id: request.data.jobId,
      status: "succeeded",
      result: null,
      error: null,
    });
    expect(late).toBeUndefined();
  });

  describe("on Inngest", () => {
    // @inngest/test 1.0 hands a mocked waitForEvent's value to Inngest's event validation as a promise,
    // so the wait is replaced on the step tools instead; every other tool stays Inngest's own.
    const engine = (wait: () => Promise<unknown>) => {
      const waitForEvent = vi.fn(wait);
      const engine = new InngestTestEngine({
        function: toInngestFunction(
          createInngestClient({ isDev: true }),
          followDesignJobWith({ resultTimeoutMs: 60_000 }),
          { db: t.db },
        ),
        transformCtx: (raw) => {
          const ctx = mockCtx(raw);
          Object.assign(ctx.step, { waitForEvent });
          return ctx;
        },
      });
      return { engine, waitForEvent };
    };

    it("waits for the job's own result with the timeout plus the health wait, then times it out", async () => {
      const request = await queueDesignJob(t.db, fixture);
      request.data.healthTimeoutSeconds = 30;
      const { engine: run, waitForEvent } = engine(async () => null);
      const { result, ctx } = await run.execute({ events: [request] });
      expect(waitForEvent).toHaveBeenCalledWith("the agent's result", {
        event: "agents/job.finished",
        timeout: 90_000,
        match: "data.jobId",
      });
      expect(ctx.step.run).toHaveBeenCalledWith("record the outcome", expect.any(Function));
      expect(result).toEqual({ status: "timedOut", objects: 0, failedObjects: 0 });
      const job = await getOrganizationAgentJob(t.db, {
        organizationId: fixture.organizationId,
        id: request.data.jobId,
      });
      expect(job).toMatchObject({ status: "failed", result: { timeoutSeconds: 90 } });
    });

    it("records the agent's outcome when the result event arrives", async () => {
      const request = await queueDesignJob(t.db, fixture);
      const { engine: run } = engine(async () => {
        await report(request.data.jobId, "succeeded");
        return finished(request, "succeeded");
      });
      const { result } = await run.execute({ events: [request] });
      expect(result).toEqual({ status: "succeeded", objects: 2, failedObjects: 1 });
      expect((await outcomeEvents(request.data.jobId)).map((e) => e.action)).toEqual([
        "design.deploy.succeeded",
      ]);
    });

    it("fails without retrying when the job does not exist in the organisation", async () => {
      const request = await queueDesignJob(t.db, fixture);
      const other = await createAgentFixture(t.db);
      const { engine: run, waitForEvent } = engine(async () => null);
      const { error } = await run.execute({
        events: [{ ...request, data: { ...request.data, organizationId: other.organizationId } }],
      });
      expect(JSON.stringify(error)).toMatch(/No job/);
      expect(waitForEvent).not.toHaveBeenCalled();
    });
  });
});
