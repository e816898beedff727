import {
  createPerformanceProfile,
  createPerformanceSchedule,
  getPerformanceResult,
  getPerformanceSchedule,
  listEvents,
  listPerformanceResults,
  rowsOf,
} from "@meshplane/db/queries";
import { createTestDb, type TestDb } from "@meshplane/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineWorkflow, type ReceivedEvent } from "../../define";
import { createInProcessRunner } from "../../in-process";
import { type AgentFixture, createAgentFixture } from "../agents/testing";
import { runDuePerformanceSchedulesWith } from "./scheduled-runs";

describe("run-due-performance-schedules", () => {
  let t: TestDb;
  let cluster: AgentFixture;
  beforeAll(async () => {
    t = await createTestDb();
    cluster = await createAgentFixture(t.db);
  });
  afterAll(() => t?.close());

  // What the runs handed on to the workflow that finishes in-cluster runs.
  const handedOn: ReceivedEvent<"performance/agent-run.started">[] = [];
  const capture = defineWorkflow({
    id: "capture",
    event: "performance/agent-run.started",
    retries: 0,
    handler: async ({ event }) => {
      handedOn.push(event);
    },
  });

  const tick = async (at: number, schedulers = 1) => {
    const runners = Array.from({ length: schedulers }, () =>
      createInProcessRunner({
        db: t.db,
        definitions: [runDuePerformanceSchedulesWith({ now: () => at }), capture],
        log: () => {},
      }),
    );
    await Promise.all(
      runners.map((runner) => runner.send({ name: "performance/schedules.scheduled", data: {} })),
    );
    await Promise.all(runners.map((runner) => runner.drain(10_000)));
  };

  it("starts each due schedule's run once on its agents, even with two schedulers, and records an event", async () => {
    const organizationId = cluster.organizationId;
    const profile = await createPerformanceProfile(t.db, {
      organizationId,
      name: "nightly checkout",
      endpoints: ["http://checkout.shop.svc/"],
      concurrency: 4,
      qps: 100,
      duration: "10s",
    });
    const due = Date.UTC(2026, 11, 6, 3, 0, 10);
    const schedule = await createPerformanceSchedule(t.db, {
      organizationId,
      profileId: profile.id,
      name: "nightly",
      cronExpression: "0 3 * * *",
      enabled: true,
      connectionIds: [cluster.connectionId],
      now: new Date(due - 86_400_000),
    });
    await tick(due, 2);
    const results = await listPerformanceResults(t.db, { organizationId, profileId: profile.id });
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result).toMatchObject({ status: "running", source: "agents" });
    const stored = await getPerformanceSchedule(t.db, { organizationId, id: schedule.id });
    expect(stored?.lastResultId).toBe(result?.id);
    expect(stored?.nextRunAt?.toISOString()).toBe("2026-12-07T03:00:00.000Z");
    const jobs = rowsOf<{ kind: string; payload: unknown }>(
      await t.db.execute(sql`select kind, payload from agent_jobs where organization_id = ${organizationId}`),
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      kind: "loadTest",
      payload: {
        resultId: result?.id,
        request: { url: "http://checkout.shop.svc/", connections: 4, rate: 100, durationMs: 10_000 },
      },
    });
    const events = (await listEvents(t.db, { organizationId })).filter((e) => e.resourceId === result?.id);
    expect(events.map((e) => e.action)).toEqual(["performance.scheduled_run_started"]);
    // The run is handed to the workflow that waits for the agents, with its deadline (duration plus grace).
    const handed = handedOn.filter((event) => event.data.resultId === result?.id);
    expect(handed.map((event) => event.data)).toEqual([
      { resultId: result?.id, organizationId, deadlineAt: new Date(due + 10_000 + 60_000).toISOString() },
    ]);
    // The same minute again starts nothing.
    await tick(due + 20_000);
    expect(await listPerformanceResults(t.db, { organizationId, profileId: profile.id })).toHaveLength(1);
  });

  it("records an errored result and a warning when the schedule's cluster has no agent", async () => {
    const organizationId = cluster.organizationId;
    const profile = await createPerformanceProfile(t.db, {
      organizationId,
      name: "orphan",
      endpoints: ["http://x.test/"],
    });
    const due = Date.UTC(2026, 11, 6, 4, 0, 5);
    await createPerformanceSchedule(t.db, {
      organizationId,
      profileId: profile.id,
      name: "gone",
      cronExpression: "0 * * * *",
      enabled: true,
      connectionIds: [crypto.randomUUID()],
      now: new Date(due - 3_600_000),
    });
    await tick(due);
    const [result] = await listPerformanceResults(t.db, { organizationId, profileId: profile.id });
    expect(result).toMatchObject({ status: "errored", passed: false });
    expect(result?.error).toMatch(/could not start: No agent serves connection/);
    const row = await getPerformanceResult(t.db, { organizationId, id: result?.id ?? "" });
    expect(row?.finishedAt).not.toBeNull();
    const events = (await listEvents(t.db, { organizationId })).filter((e) => e.resourceId === result?.id);
    expect(events.map((e) => [e.action, e.severity])).toEqual([
      ["performance.scheduled_run_failed", "warning"],
    ]);
  });

  it("ends a schedule without clusters as errored where the deployment cannot run load tests itself", async () => {
    const organizationId = cluster.organizationId;
    const profile = await createPerformanceProfile(t.db, {
      organizationId,
      name: "from here",
      endpoints: ["http://x.test/"],
    });
    const due = Date.UTC(2026, 11, 6, 5, 0, 5);
    await createPerformanceSchedule(t.db, {
      organizationId,
      profileId: profile.id,
      name: "hourly",
      cronExpression: "0 * * * *",
      enabled: true,
      connectionIds: [],
      now: new Date(due - 3_600_000),
    });
    await tick(due);
    const [result] = await listPerformanceResults(t.db, { organizationId, profileId: profile.id });
    expect(result).toMatchObject({ status: "errored", passed: false });
    expect(result?.error).toMatch(
      /could not start: the schedule names no cluster connection, and this deployment cannot run load tests itself/,
    );
    expect(handedOn.some((event) => event.data.resultId === result?.id)).toBe(false);
  });
});
