import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";
import { type SignedIn, signIn } from "../../testing/identity";
import { installAgent } from "../agents/testing";
import { caller, profileFor } from "./testing";

type Schedule = {
  id: string;
  cronExpression: string;
  enabled: boolean;
  connectionIds: string[];
  nextRunAt: string | null;
  lastRunAt: string | null;
};

describe("performance schedules", () => {
  let ctx: TestApp;
  let user: SignedIn;
  let other: SignedIn;
  let call: ReturnType<typeof caller>;
  let profileId: string;
  let connectionId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    [user, other] = [await signIn(ctx), await signIn(ctx)];
    call = caller(ctx, user);
    profileId = (await profileFor(ctx, user.personalOrgId)).id;
    connectionId = (await installAgent(ctx, user)).connectionId;
  });
  afterAll(() => ctx.close());

  const valid = () => ({
    profileId,
    name: "every 5",
    cronExpression: "*/5 * * * *",
    connectionIds: [connectionId],
  });

  it("creates, reads, lists, replaces and deletes a schedule, computing its next run", async () => {
    const before = Date.now();
    const created = await call("POST", "/api/performance/schedules", valid());
    expect(created.status).toBe(201);
    const schedule = (await created.json()) as Schedule;
    const next = Date.parse(schedule.nextRunAt ?? "");
    expect(next).toBeGreaterThan(before);
    expect(next - before).toBeLessThanOrEqual(5 * 60_000);
    expect(new Date(next).getUTCMinutes() % 5).toBe(0);
    expect(schedule).toMatchObject({ enabled: true, connectionIds: [connectionId], lastRunAt: null });
    expect(await (await call("GET", `/api/performance/schedules/${schedule.id}`)).json()).toEqual(schedule);
    const listed = (await (
      await call("GET", `/api/performance/schedules?profileId=${profileId}`)
    ).json()) as {
      schedules: Schedule[];
    };
    expect(listed.schedules.map((s) => s.id)).toContain(schedule.id);
    const paused = await call("PUT", `/api/performance/schedules/${schedule.id}`, {
      ...valid(),
      cronExpression: "0 3 * * *",
      enabled: false,
    });
    expect(paused.status).toBe(200);
    expect((await paused.json()) as Schedule).toMatchObject({ cronExpression: "0 3 * * *", nextRunAt: null });
    expect((await call("DELETE", `/api/performance/schedules/${schedule.id}`)).status).toBe(204);
    expect((await call("GET", `/api/performance/schedules/${schedule.id}`)).status).toBe(404);
  });

  it("previews the next runs of an expression", async () => {
    const response = await call(
      "GET",
      "/api/performance/schedules/next-runs?cronExpression=0%209%20*%20*%20mon&count=3",
    );
    expect(response.status).toBe(200);
    const { nextRuns } = (await response.json()) as { nextRuns: string[] };
    expect(nextRuns).toHaveLength(3);
    for (const run of nextRuns) {
      const at = new Date(run);
      expect([at.getUTCDay(), at.getUTCHours(), at.getUTCMinutes()]).toEqual([1, 9, 0]);
    }
    expect(Date.parse(nextRuns[1] ?? "") - Date.parse(nextRuns[0] ?? "")).toBe(7 * 86_400_000);
  });

  it.each([
    ["four fields", { cronExpression: "* * * *" }, /expected 5 fields/],
    ["an hour out of range", { cronExpression: "0 24 * * *" }, /hour: 24 is out of range 0-23/],
    ["an unknown day name", { cronExpression: "0 0 * * someday" }, /day-of-week: "someday" is not a number/],
    ["a date that never comes", { cronExpression: "0 0 30 2 *" }, /never runs/],
    ["a step of zero", { cronExpression: "*/0 * * * *" }, /minute: step 0/],
    [
      "a repeated connection",
      { connectionIds: ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000001"] },
      /at most once/,
    ],
    ["another timezone", { timezone: "Europe/Paris" }, /only UTC/],
    ["a cron that is not a string", { cronExpression: 5 }, /cronExpression/],
    ["an unknown field", { every: "day" }, /every|Unrecognized/],
  ])("refuses %s with 400 naming the field", async (_, change, message) => {
    const response = await call("POST", "/api/performance/schedules", { ...valid(), ...change });
    expect(response.status).toBe(400);
    const error = ((await response.json()) as ErrorBody).error;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/cronExpression|connectionIds|timezone|every|Unrecognized/);
  });

  it("accepts a schedule without clusters where the deployment runs load tests itself", async () => {
    const created = await call("POST", "/api/performance/schedules", { ...valid(), connectionIds: [] });
    expect(created.status).toBe(201);
    expect(((await created.json()) as Schedule).connectionIds).toEqual([]);
  });

  it("refuses a schedule without clusters with 422 where the deployment cannot run load tests", async () => {
    const workers = await createTestApp({}, { localRuns: false });
    try {
      const owner = await signIn(workers);
      const profile = await profileFor(workers, owner.personalOrgId);
      const response = await caller(workers, owner)("POST", "/api/performance/schedules", {
        ...valid(),
        profileId: profile.id,
        connectionIds: [],
      });
      expect(response.status).toBe(422);
      expect(((await response.json()) as ErrorBody).error.message).toMatch(
        /cannot run load tests itself, so a schedule runs on at least one cluster agent/,
      );
    } finally {
      await workers.close();
    }
  });

  it("refuses a bad preview expression with 400", async () => {
    const response = await call(
      "GET",
      "/api/performance/schedules/next-runs?cronExpression=61%20*%20*%20*%20*",
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/minute: 61 is out of range/);
  });

  it("answers 404 for another organisation's profile, connection or schedule", async () => {
    const theirProfile = await profileFor(ctx, other.personalOrgId, "theirs");
    const theirConnection = (await installAgent(ctx, other)).connectionId;
    expect(
      (await call("POST", "/api/performance/schedules", { ...valid(), profileId: theirProfile.id })).status,
    ).toBe(404);
    const foreignCluster = await call("POST", "/api/performance/schedules", {
      ...valid(),
      connectionIds: [theirConnection],
    });
    expect(foreignCluster.status).toBe(404);
    expect(((await foreignCluster.json()) as ErrorBody).error.message).toMatch(/No agent serves connection/);
    const theirs = (await (
      await caller(ctx, other)("POST", "/api/performance/schedules", {
        profileId: theirProfile.id,
        cronExpression: "@daily",
        connectionIds: [theirConnection],
      })
    ).json()) as Schedule;
    expect((await call("GET", `/api/performance/schedules/${theirs.id}`)).status).toBe(404);
    expect((await call("PUT", `/api/performance/schedules/${theirs.id}`, valid())).status).toBe(404);
    expect((await call("DELETE", `/api/performance/schedules/${theirs.id}`)).status).toBe(404);
    const listed = (await (await call("GET", "/api/performance/schedules")).json()) as {
      schedules: Schedule[];
    };
    expect(listed.schedules.map((s) => s.id)).not.toContain(theirs.id);
  });
});
