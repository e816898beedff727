import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createPerformanceProfile,
  createPerformanceSchedule,
  getPerformanceResult,
  getPerformanceSchedule,
  listEvents,
  listPerformanceResults,
} from "@meshplane/db/queries";
import { createOrganization, createTestDb, type TestDb } from "@meshplane/db/testing";
import { createInProcessRunner } from "@meshplane/workflows/in-process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneMachineWorkflows } from "./local-run";
import { createInProcessRunner as createLoadRunner } from "./runner.node";

describe("scheduled runs on this machine (the one-machine mode)", () => {
  let t: TestDb;
  let target: Server;
  let url: string;
  let served = 0;
  beforeAll(async () => {
    t = await createTestDb();
    target = createServer((_, response) => {
      served += 1;
      response.end("ok");
    }).listen(0, "127.0.0.1");
    await new Promise((resolve) => target.once("listening", resolve));
    url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => target.close(resolve));
    await t?.close();
  });

  it("runs a due schedule without clusters with the built-in generator, live, to a passed result", async () => {
    const { organization } = await createOrganization(t.db);
    const organizationId = organization.id;
    const profile = await createPerformanceProfile(t.db, {
      organizationId,
      name: "home page",
      endpoints: [url],
      concurrency: 2,
      qps: 50,
      duration: "2s",
      metadata: { thresholds: ["p(99)<1000", "error_rate<0.01"] },
    });
    const due = Date.UTC(2026, 11, 6, 3, 0, 10);
    const schedule = await createPerformanceSchedule(t.db, {
      organizationId,
      profileId: profile.id,
      name: "nightly",
      cronExpression: "0 3 * * *",
      enabled: true,
      connectionIds: [],
      now: new Date(due - 86_400_000),
    });
    const runner = createInProcessRunner({
      db: t.db,
      definitions: oneMachineWorkflows(t.db, createLoadRunner(), { now: () => due }),
      log: () => {},
    });
    await runner.send({ name: "performance/schedules.scheduled", data: {} });
    await runner.drain(10_000);
    const [started] = await listPerformanceResults(t.db, { organizationId, profileId: profile.id });
    expect(started).toMatchObject({ source: "local", status: "running" });
    const id = started?.id ?? "";
    expect((await getPerformanceSchedule(t.db, { organizationId, id: schedule.id }))?.lastResultId).toBe(id);
    let result = await getPerformanceResult(t.db, { organizationId, id });
    let sawLiveSeconds = false;
    for (let i = 0; i < 100 && result?.status === "running"; i++) {
      sawLiveSeconds ||= (result.series as unknown[]).length > 0;
      await new Promise((resolve) => setTimeout(resolve, 100));
      result = await getPerformanceResult(t.db, { organizationId, id });
    }
    expect(result).toMatchObject({ status: "passed", passed: true, error: null });
    expect(sawLiveSeconds).toBe(true);
    const requests =
      (result?.runnerResults as { summary?: { requests: number } } | undefined)?.summary?.requests ?? 0;
    // 50 requests a second for 2 s, give or take the first and last request.
    expect(requests).toBeGreaterThanOrEqual(90);
    expect(requests).toBeLessThanOrEqual(110);
    expect(served).toBeGreaterThanOrEqual(requests);
    // The outcome's event is written just after the outcome itself.
    const eventsOfRun = async () =>
      (await listEvents(t.db, { organizationId })).filter((e) => e.resourceId === id);
    let events = await eventsOfRun();
    for (let i = 0; i < 50 && events.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      events = await eventsOfRun();
    }
    expect(events.map((e) => e.description).sort()).toEqual([
      'Schedule "nightly" started a load test of "home page" from this machine',
      `The load test "${result?.name}" from this machine passed`,
    ]);
    // The schedule that started it is still named in the finished result.
    expect((result?.runnerResults as { trigger?: unknown } | undefined)?.trigger).toEqual({
      scheduleId: schedule.id,
      scheduledAt: new Date(due).toISOString(),
    });
  }, 30_000);
});
