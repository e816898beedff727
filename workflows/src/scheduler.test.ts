import { listWorkflowRuns } from "@meshplane/db/queries";
import { createTestDb, type TestDb } from "@meshplane/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineWorkflow } from "./define";
import { createInProcessRunner } from "./in-process";
import { parseCron } from "./schedule";

describe("cron expressions", () => {
  const next = (expression: string, after: string) =>
    parseCron(expression).next(new Date(after)).toISOString();

  it("finds the next matching minute, strictly after the given time", () => {
    expect(next("* * * * *", "2026-12-06T17:05:30Z")).toBe("2026-12-06T17:06:00.000Z");
    expect(next("* * * * *", "2026-12-06T17:05:00Z")).toBe("2026-12-06T17:06:00.000Z");
    expect(next("*/5 * * * *", "2026-12-06T17:05:00Z")).toBe("2026-12-06T17:10:00.000Z");
    expect(next("7 3 * * *", "2026-12-06T17:05:00Z")).toBe("2026-12-07T03:07:00.000Z");
    expect(next("0 0 29 2 *", "2026-12-06T00:00:00Z")).toBe("2028-02-29T00:00:00.000Z");
    expect(next("15-45/15 9 * * *", "2026-12-06T09:30:00Z")).toBe("2026-12-06T09:45:00.000Z");
    // Sunday as 7; 2026-12-06 is a Sunday.
    expect(next("0 12 * * 7", "2026-12-06T13:00:00Z")).toBe("2026-12-13T12:00:00.000Z");
    // Both day fields restricted: either one is enough, as in classic cron.
    expect(next("0 0 1 * 1", "2026-12-06T13:00:00Z")).toBe("2026-12-07T00:00:00.000Z");
  });

  it("refuses expressions it cannot read", () => {
    for (const bad of [
      "* * * *",
      "60 * * * *",
      "* * * * * *",
      "*/0 * * * *",
      "a * * * *",
      "5-1 * * * *",
      "0 0 31 2 *",
    ]) {
      expect(() => parseCron(bad).next(new Date()), bad).toThrow(/cron/);
    }
  });
});

describe("in-process schedules", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t?.close());

  it("sends a scheduled definition's event at each cron minute, once per minute, until stopped", async () => {
    const seen: string[] = [];
    const ticking = defineWorkflow({
      id: "test-ticking",
      event: "agents/liveness.scheduled",
      cron: "*/2 * * * *",
      retries: 0,
      handler: async ({ event }) => {
        seen.push(event.data.scheduledAt ?? "none");
      },
    });
    const runner = createInProcessRunner({ db: t.db, definitions: [ticking], log: () => {} });
    let clock = Date.parse("2026-12-06T17:05:10Z");
    const timers: { fire: () => void; ms: number; cancelled: boolean }[] = [];
    const stop = runner.startSchedules({
      now: () => clock,
      setTimer: (fire, ms) => {
        const timer = { fire, ms, cancelled: false };
        timers.push(timer);
        return () => {
          timer.cancelled = true;
        };
      },
    });
    expect(timers).toHaveLength(1);
    expect(timers[0]?.ms).toBe(50_000);
    const fireLatest = async (advanceTo: string) => {
      clock = Date.parse(advanceTo);
      timers.at(-1)?.fire();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await runner.drain(5_000);
    };
    await fireLatest("2026-12-06T17:06:00Z");
    expect(timers.at(-1)?.ms).toBe(120_000);
    // A timer that fires a moment early sends its own minute, and the next one is armed after it, not again.
    await fireLatest("2026-12-06T17:07:59.990Z");
    expect(timers.at(-1)?.ms).toBe(120_010);
    expect(seen).toEqual(["2026-12-06T17:06:00.000Z", "2026-12-06T17:08:00.000Z"]);
    stop();
    expect(timers.at(-1)?.cancelled).toBe(true);
    const runs = await listWorkflowRuns(t.db, { functionId: "test-ticking" });
    expect(runs.map((run) => run.status)).toEqual(["completed", "completed"]);
  });

  it("refuses to start a schedule it cannot read", () => {
    const broken = defineWorkflow({
      id: "test-broken-cron",
      event: "agents/liveness.scheduled",
      cron: "every minute",
      retries: 0,
      handler: async () => {},
    });
    const runner = createInProcessRunner({ db: t.db, definitions: [broken], log: () => {} });
    expect(() => runner.startSchedules()).toThrow(/expected 5 fields/);
  });

  it("runs on the real clock too: the stop leaves no timer behind", async () => {
    const runner = createInProcessRunner({ db: t.db, log: () => {} });
    const stop = runner.startSchedules();
    stop();
    await runner.drain(100);
  });
});
