import { describe, expect, it } from "vitest";
import type { PerfResult } from "./performance";
import { compareLocally, deltaOf, judge, metricValues } from "./performance-compare";

function result(id: string, p99: number, rps: number, profileId = "profile-a"): PerfResult {
  return {
    id,
    profileId,
    name: `run ${id}`,
    status: "completed",
    passed: true,
    percentiles: { p50: p99 / 4, p99, min: 0.1, max: p99 * 2, mean: p99 / 3 },
    statusCodes: { "200": 990, "503": 10 },
    series: [],
    histogram: null,
    runnerResults: { rps, requests: 1000, errors: { connect: 0, timeout: 0 } },
    startedAt: "2026-12-06T10:00:00Z",
    finishedAt: "2026-12-06T10:00:30Z",
  };
}

describe("deltas", () => {
  it("are absolute and relative to the baseline", () => {
    expect(deltaOf(110, 100)).toEqual({ absolute: 10, percent: 10 });
    expect(deltaOf(5, 0)).toEqual({ absolute: 5, percent: null });
    expect(deltaOf(null, 3)).toEqual({ absolute: null, percent: null });
  });

  it("are better when latency falls or throughput rises, and the same within the tolerance", () => {
    expect(judge("p99", deltaOf(90, 100))).toBe("better");
    expect(judge("p99", deltaOf(120, 100))).toBe("worse");
    expect(judge("rps", deltaOf(120, 100))).toBe("better");
    expect(judge("rps", deltaOf(80, 100))).toBe("worse");
    expect(judge("p99", deltaOf(101, 100))).toBe("same");
    expect(judge("errorRate", deltaOf(0.01, 0))).toBe("worse");
    expect(judge("errorRate", deltaOf(0, 0))).toBe("same");
    expect(judge("p99", deltaOf(null, 0))).toBe("unknown");
  });
});

describe("comparing in the web", () => {
  it("reads latencies, throughput and the error rate from each result", () => {
    expect(metricValues(result("a", 8, 500))).toMatchObject({ p99: 8, rps: 500, errorRate: 0.01, p95: null });
  });

  it("compares every result with the baseline and warns about mixed profiles", () => {
    const comparison = compareLocally([result("b", 12, 400, "profile-b")], result("a", 8, 500));
    expect(comparison.baseline.id).toBe("a");
    expect(comparison.results[0]?.deltas.p99).toEqual({ absolute: 4, percent: 50 });
    expect(comparison.results[0]?.deltas.rps).toEqual({ absolute: -100, percent: -20 });
    expect(comparison.warnings).toEqual([
      "These results come from different profiles: their load and targets may differ.",
    ]);
  });
});
