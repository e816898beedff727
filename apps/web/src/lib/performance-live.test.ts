import { describe, expect, it } from "vitest";
import type { PerfResult } from "./performance";
import { liveSnapshot, progressOf } from "./performance-live";

const running: PerfResult = {
  id: "r",
  profileId: "p",
  name: "run",
  status: "running",
  passed: null,
  percentiles: {},
  statusCodes: {},
  series: [
    { second: 0, requests: 180, errors: 0, failedStatuses: 0, p50: 1, p90: 2, p99: 3 },
    { second: 1, requests: 200, errors: 1, failedStatuses: 0, p50: 1, p90: 2, p99: 4 },
  ],
  histogram: null,
  runnerResults: {},
  startedAt: "2026-12-06T10:00:00.000Z",
  finishedAt: null,
};

describe("the live snapshot", () => {
  it("measures elapsed time on the server's clock and keeps the seconds so far", () => {
    const snapshot = liveSnapshot(running, Date.parse("2026-12-06T10:00:02.500Z"));
    expect(snapshot).toMatchObject({ state: "running", elapsedMs: 2500, p99: null });
    expect(snapshot.series.map((second) => second.requests)).toEqual([180, 200]);
  });

  it("stops the clock when the run has finished", () => {
    const done = { ...running, status: "passed", passed: true, finishedAt: "2026-12-06T10:00:05.000Z" };
    expect(liveSnapshot(done, Date.parse("2026-12-06T11:00:00Z")).elapsedMs).toBe(5000);
  });
});

describe("progress through the duration", () => {
  const at = (ms: number) => liveSnapshot({ ...running, series: [] }, Date.parse(running.startedAt) + ms);

  it("follows the clock, never claiming to be done before the API says so", () => {
    expect(progressOf(at(1000), 4000)).toBe(0.25);
    expect(progressOf(at(9000), 4000)).toBe(0.99);
  });

  it("trusts the seconds measured when the clocks disagree", () => {
    expect(progressOf(liveSnapshot(running, Date.parse(running.startedAt) - 5000), 4000)).toBe(0.5);
  });

  it("is complete once the run has ended, and unknown without a duration", () => {
    expect(progressOf(liveSnapshot({ ...running, status: "errored" }), 4000)).toBe(1);
    expect(progressOf(at(1000), null)).toBe(0);
  });
});
