import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, createTestDb, type TestDb } from "../testing/index";
import { createPerformanceProfile } from "./performance";
import {
  claimDuePerformanceSchedules,
  createPerformanceSchedule,
  getPerformanceSchedule,
  updatePerformanceSchedule,
} from "./performance-schedules";

describe("performance schedules", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  async function scheduleDueAt(now: Date, cronExpression = "*/5 * * * *") {
    const { organization } = await createOrganization(t.db);
    const profile = await createPerformanceProfile(t.db, {
      organizationId: organization.id,
      name: "p",
      endpoints: ["http://127.0.0.1:9/"],
    });
    // Created five minutes ago, so its first run is due now.
    return createPerformanceSchedule(t.db, {
      organizationId: organization.id,
      profileId: profile.id,
      name: "s",
      cronExpression,
      enabled: true,
      connectionIds: [],
      now: new Date(now.getTime() - 5 * 60_000),
    });
  }

  it("computes the next run on create and leaves a disabled schedule without one", async () => {
    const now = new Date("2026-12-06T17:02:10Z");
    const schedule = await scheduleDueAt(new Date(now.getTime() + 5 * 60_000));
    expect(schedule.nextRunAt?.toISOString()).toBe("2026-12-06T17:05:00.000Z");
    const disabled = await updatePerformanceSchedule(t.db, {
      organizationId: schedule.organizationId,
      id: schedule.id,
      profileId: schedule.profileId,
      name: "s",
      cronExpression: "*/5 * * * *",
      enabled: false,
      connectionIds: [],
      now,
    });
    expect(disabled?.nextRunAt).toBeNull();
  });

  it("claims each due schedule exactly once, even with concurrent schedulers", async () => {
    const now = new Date(Math.ceil(Date.now() / 300_000) * 300_000 + 1_000);
    const schedules = await Promise.all([scheduleDueAt(now), scheduleDueAt(now), scheduleDueAt(now)]);
    const ours = new Set(schedules.map((s) => s.id));
    const claims = await Promise.all(
      Array.from({ length: 4 }, () => claimDuePerformanceSchedules(t.db, { now })),
    );
    const claimed = claims.flat().filter((s) => ours.has(s.id));
    expect(claimed.map((s) => s.id).sort()).toEqual([...ours].sort());
    for (const row of claimed) {
      expect(row.lastRunAt?.toISOString()).toBe(now.toISOString());
      expect(row.nextRunAt?.getTime()).toBe(now.getTime() - 1_000 + 300_000);
    }
    // The same minute again finds nothing due.
    const again = await claimDuePerformanceSchedules(t.db, { now });
    expect(again.filter((s) => ours.has(s.id))).toEqual([]);
    const stored = await getPerformanceSchedule(t.db, {
      organizationId: schedules[0]?.organizationId ?? "",
      id: schedules[0]?.id ?? "",
    });
    expect(stored?.nextRunAt?.toISOString()).toBe(new Date(now.getTime() - 1_000 + 300_000).toISOString());
  });
});
