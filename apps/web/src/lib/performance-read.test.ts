import { describe, expect, it } from "vitest";
import type { PerfResult } from "./performance";
import { errorRateOf, percentileCurve, readFacts, readSeries, verdictLabel } from "./performance-read";

const base: PerfResult = {
  id: "r",
  profileId: "p",
  name: "run",
  status: "completed",
  passed: false,
  percentiles: { p50: 1, p99: 4, "p99.9": 9 },
  statusCodes: { "200": 98, "500": 2 },
  series: [],
  histogram: "{}",
  runnerResults: {},
  startedAt: "2026-12-06T10:00:00Z",
  finishedAt: null,
};

describe("reading a result", () => {
  it("reads each cluster's share of an in-cluster run, and none for a run from this machine", () => {
    const facts = readFacts({
      ...base,
      runnerResults: {
        agents: [
          {
            connectionId: "c1",
            agentId: "a1",
            jobId: "j1",
            status: "succeeded",
            requests: 90,
            rps: 45,
            error: null,
          },
          {
            connectionId: "c2",
            clusterName: "west",
            status: "timedOut",
            error: "did not report by the deadline",
          },
        ],
      },
    });
    expect(facts.clusters).toEqual([
      { connectionId: "c1", status: "succeeded", requests: 90, rps: 45, error: null },
      {
        connectionId: "c2",
        clusterName: "west",
        status: "timedOut",
        requests: 0,
        rps: 0,
        error: "did not report by the deadline",
      },
    ]);
    expect(readFacts(base).clusters).toEqual([]);
    // A malformed list is ignored rather than breaking the page.
    expect(readFacts({ ...base, runnerResults: { agents: "east" } }).clusters).toEqual([]);
  });

  it("takes the run's facts from runnerResults when the API gives no summary", () => {
    const facts = readFacts({
      ...base,
      runnerResults: {
        rps: 120.5,
        rate: 100,
        connections: 4,
        errors: { connect: 0, timeout: 3 },
        endedEarly: { atMs: 2000, cause: "the target closed every connection" },
        thresholds: [{ expression: "p(99)<2", metric: "p(99)", actual: 4, passed: false }],
      },
    });
    expect(facts).toMatchObject({
      state: "failed",
      partial: true,
      cause: "the target closed every connection",
      rate: 100,
      rps: 120.5,
      connections: 4,
      errors: { connect: 0, timeout: 3 },
    });
    expect(facts.errorRate).toBeCloseTo(5 / 103, 9);
    expect(facts.thresholds[0]).toMatchObject({ expression: "p(99)<2", actual: 4, passed: false });
  });

  it("prefers the top-level fields of the newer API", () => {
    const facts = readFacts({
      ...base,
      status: "errored",
      error: "connection refused",
      summary: { rps: 0, errorRate: 1, rate: null, connections: 2 },
      thresholds: [],
      runnerResults: { rps: 99, rate: 50, error: "older words" },
    });
    expect(facts).toMatchObject({
      state: "errored",
      cause: "connection refused",
      rps: 0,
      rate: null,
      errorRate: 1,
    });
  });

  it("reads the old failed-without-data status as errored", () => {
    expect(readFacts({ ...base, status: "failed", histogram: null, percentiles: {} }).state).toBe("errored");
  });

  it("skips series entries it cannot read", () => {
    expect(readSeries([{ second: 0, requests: 10, p99: 2 }, { bogus: true }, null])).toEqual([
      { second: 0, requests: 10, errors: 0, failedStatuses: 0, p50: 0, p90: 0, p99: 2 },
    ]);
  });

  it("counts errors and 4xx/5xx answers as failures, and nothing attempted as no rate", () => {
    expect(errorRateOf({ "200": 8, "404": 1 }, { reset: 1 })).toBe(0.2);
    expect(errorRateOf({}, {})).toBeNull();
  });

  it("draws the percentile curve through the points the result has", () => {
    expect(percentileCurve(base.percentiles)).toEqual([
      [50, 1],
      [99, 4],
      [99.9, 9],
    ]);
  });

  it("says pass only when there were thresholds to pass", () => {
    expect(verdictLabel(readFacts({ ...base, passed: true })).text).toBe("Done, no thresholds");
    const withRule = {
      ...base,
      passed: true,
      thresholds: [{ expression: "p(99)<9", metric: "p(99)", actual: 4, passed: true }],
    };
    expect(verdictLabel(readFacts(withRule))).toEqual({ text: "Pass", tone: "ok" });
  });
});
