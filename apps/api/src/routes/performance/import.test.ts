import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";
import { type SignedIn, signIn } from "../../testing/identity";
import { caller, finishedResult, profileFor } from "./testing";

type Result = {
  id: string;
  profileId: string;
  status: string;
  source: string;
  percentiles: Record<string, number>;
  statusCodes: Record<string, number>;
  errors: Record<string, number>;
  summary: { requests: number; rps: number; errorRate: number | null; durationMs: number };
  histogram: string | null;
  thresholds: { expression: string; actual: number | null; passed: boolean }[];
  imported: { format: string; notes: string[] } | null;
};

/** A Fortio result with Fortio's semi-log buckets (seconds), as Meshery stores it in runner_results. */
function fortioResult() {
  return {
    RunType: "HTTP",
    Labels: "checkout via istio",
    StartTime: "2026-11-02T10:00:00Z",
    RequestedQPS: "max",
    RequestedDuration: "30s",
    ActualQPS: 3.33,
    ActualDuration: 30_000_000_000,
    NumThreads: 2,
    URL: "http://checkout.shop.svc:8080/cart",
    DurationHistogram: {
      Count: 100,
      Min: 0.0012,
      Max: 0.0491,
      Sum: 0.5,
      Avg: 0.005,
      StdDev: 0.009,
      Data: [
        { Start: 0.0012, End: 0.002, Percent: 10, Count: 10 },
        { Start: 0.002, End: 0.003, Percent: 50, Count: 40 },
        { Start: 0.003, End: 0.004, Percent: 80, Count: 30 },
        { Start: 0.004, End: 0.005, Percent: 95, Count: 15 },
        { Start: 0.045, End: 0.0491, Percent: 100, Count: 5 },
      ],
      Percentiles: [
        { Percentile: 50, Value: 0.003 },
        { Percentile: 90, Value: 0.0046667 },
        { Percentile: 99, Value: 0.04828 },
      ],
    },
    RetCodes: { "200": 97, "503": 2, "-1": 1 },
    Sizes: { Count: 100 },
  };
}

describe("importing Fortio (Meshery) and SMP results", () => {
  let ctx: TestApp;
  let user: SignedIn;
  let other: SignedIn;
  let call: ReturnType<typeof caller>;

  beforeAll(async () => {
    ctx = await createTestApp();
    [user, other] = [await signIn(ctx), await signIn(ctx)];
    call = caller(ctx, user);
  });
  afterAll(() => ctx.close());

  const importing = (body: unknown) => call("POST", "/api/performance/results/import", body);

  it("rebuilds a Fortio histogram from its buckets, keeps Fortio's exact numbers and says what was lost", async () => {
    const profile = await profileFor(ctx, user.personalOrgId);
    await call("PUT", `/api/performance/profiles/${profile.id}`, {
      name: "checkout",
      endpoints: ["http://checkout.shop.svc:8080/cart"],
      thresholds: ["p(99)<100", "error_rate<0.01"],
    });
    // Meshery's wrapper, as its results API returns it.
    const response = await importing({
      profileId: profile.id,
      data: { name: "meshery run", runner_results: fortioResult() },
    });
    expect(response.status).toBe(201);
    const result = (await response.json()) as Result;
    expect(result).toMatchObject({ profileId: profile.id, source: "import", status: "failed" });
    // Fortio's own percentiles, its exact min/max/mean, and the ones only the rebuilt histogram can give.
    expect(result.percentiles.p50).toBeCloseTo(3, 6);
    expect(result.percentiles.p90).toBeCloseTo(4.6667, 4);
    expect(result.percentiles.p99).toBeCloseTo(48.28, 4);
    expect(result.percentiles).toMatchObject({ min: 1.2, max: 49.1, mean: 5 });
    expect(result.percentiles.stddev).toBeCloseTo(9, 6);
    // The 95th of 100 calls is the last of the 4-5 ms bucket's 15, spread evenly: 4 + 14.5/15 ms.
    expect(result.percentiles.p95).toBeCloseTo(4.9667, 2);
    expect(Math.abs((result.percentiles.p95 ?? 0) - 4.9667) / 4.9667).toBeLessThan(0.002);
    // The last call is the fifth of five spread over 45-49.1 ms: 45 + 4.1 * 0.9 ms, to HDR's 0.1%.
    expect(Math.abs((result.percentiles["p99.99"] ?? 0) - 48.69) / 48.69).toBeLessThan(0.001);
    const histogram = JSON.parse(result.histogram ?? "{}") as { format: string; total: number };
    expect(histogram).toMatchObject({ format: "meshplane-hdr-1", total: 100 });
    expect(result.statusCodes).toEqual({ "200": 97, "503": 2 });
    expect(result.errors).toEqual({ other: 1 });
    expect(result.summary).toMatchObject({ requests: 99, rps: 3.33, durationMs: 30_000 });
    expect(result.summary.errorRate).toBeCloseTo(0.03, 10);
    // Both thresholds are decided on the imported numbers: p99 48 ms passes, 3% errors fails.
    expect(result.thresholds.map((t) => t.passed)).toEqual([true, false]);
    expect(result.imported?.format).toBe("fortio");
    expect(result.imported?.notes.join(" ")).toMatch(
      /1\.200 to 2\.000 ms, 10 calls\) is 0\.800 ms wide, 40\.0% of its upper edge/,
    );
    expect(result.imported?.notes.join(" ")).toMatch(/p50, p90, p99 are Fortio's own values/);
  });

  it("makes a profile from the document when none is given", async () => {
    const response = await importing({ data: JSON.stringify(fortioResult()) });
    expect(response.status).toBe(201);
    const result = (await response.json()) as Result;
    const profile = (await (await call("GET", `/api/performance/profiles/${result.profileId}`)).json()) as {
      endpoints: string[];
      concurrentRequest: number;
      qps: number;
      duration: string;
    };
    expect(profile).toMatchObject({
      endpoints: ["http://checkout.shop.svc:8080/cart"],
      concurrentRequest: 2,
      qps: 0,
      duration: "30s",
    });
    expect(result.status).toBe("passed");
  });

  it("round-trips our own SMP export, saying SMP has no histogram", async () => {
    const profile = await profileFor(ctx, user.personalOrgId, "smp source");
    const source = await finishedResult(ctx, {
      organizationId: user.personalOrgId,
      profileId: profile.id,
      percentiles: { min: 0.5, mean: 2.5, p50: 2, p90: 4, p99: 9, max: 12 },
      rps: 250,
      errorRate: 0,
    });
    const smp = await (await call("GET", `/api/performance/results/${source.id}/smp`)).json();
    const response = await importing({ data: smp, format: "smp" });
    expect(response.status).toBe(201);
    const result = (await response.json()) as Result;
    expect(result.percentiles).toEqual({ min: 0.5, mean: 2.5, p50: 2, p90: 4, p99: 9, max: 12 });
    expect(result.histogram).toBeNull();
    expect(result.summary.rps).toBe(250);
    expect(result.summary.errorRate).toBeNull();
    expect(result.imported?.notes.join(" ")).toMatch(/no histogram/);
  });

  it("reads SMP as YAML in the README's older shape", async () => {
    const yaml = [
      "start_time: 2026-11-02T10:00:00Z",
      "end_time: 2026-11-02T10:01:00Z",
      "endpoint_url: https://smp-spec.io/",
      "client:",
      "  connections: 4",
      "  rps: 100",
      "  latencies_ms: {min: 1, average: 3, p50: 2.5, p90: 5, p99: 8, max: 20}",
      "actual_qps: 99.5",
    ].join("\n");
    const response = await importing({ data: yaml });
    expect(response.status).toBe(201);
    const result = (await response.json()) as Result;
    expect(result.percentiles.p99).toBe(8);
    expect(result.summary.requests).toBe(5970);
  });

  const fortio = fortioResult();
  const histogram = fortio.DurationHistogram;
  it.each([
    ["a document of another format", { data: { hello: "world" } }, /neither a Fortio result/],
    ["a list", { data: "[1, 2, 3]" }, /not a list/],
    ["text that is neither JSON nor YAML", { data: "{{{: [" }, /neither JSON nor YAML/],
    [
      "a NaN count, in YAML",
      {
        data: `DurationHistogram: {Count: .nan, Min: 0, Max: 0, Sum: 0, Avg: 0, StdDev: 0}\nActualQPS: 1\nActualDuration: 1`,
      },
      /Count/,
    ],
    [
      "an infinite rate",
      { data: `{"RetCodes": {}, "ActualQPS": 1e999, "ActualDuration": 1, "DurationHistogram": {}}` },
      /ActualQPS/,
    ],
    [
      "a negative bucket count",
      {
        data: { ...fortio, DurationHistogram: { ...histogram, Data: [{ Start: 0, End: 0.001, Count: -5 }] } },
      },
      /Count: must not be negative/,
    ],
    [
      "buckets that do not add up to Count",
      { data: { ...fortio, DurationHistogram: { ...histogram, Count: 1_000 } } },
      /add up to 100, but Count says 1000/,
    ],
    [
      "a bucket ending before it starts",
      {
        data: {
          ...fortio,
          DurationHistogram: { ...histogram, Data: [{ Start: 0.5, End: 0.1, Count: 100 }] },
        },
      },
      /End must not be below Start/,
    ],
    [
      "latencies beyond an hour",
      { data: { ...fortio, DurationHistogram: { ...histogram, Max: 99_999 } } },
      /Max: must be at most 3600 seconds/,
    ],
    [
      "too many buckets",
      {
        data: {
          ...fortio,
          DurationHistogram: {
            ...histogram,
            Data: Array.from({ length: 10_001 }, () => ({ Start: 0, End: 0, Count: 0 })),
          },
        },
      },
      /at most 10000 buckets/,
    ],
    ["an SMP result without latencies", { data: { smp_version: "v1", actual_qps: 3 } }, /latencies_ms/],
    [
      "an SMP result naming no endpoint and no profile",
      { data: { latencies_ms: { p50: 1 }, actual_qps: 3 } },
      /profileId/,
    ],
    ["an unknown field", { data: fortio, turbo: true }, /turbo|Unrecognized/],
    ["a wrong format name", { data: fortio, format: "wrk2" }, /format/],
    [
      "a YAML alias bomb",
      { data: `a: &a [x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c]` },
      /neither JSON nor YAML|Alias/,
    ],
  ])("refuses %s with 400 naming the problem", async (_, body, message) => {
    const response = await importing(body);
    expect(response.status).toBe(400);
    const error = ((await response.json()) as ErrorBody).error;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
  });

  it("takes Meshery Server's PublishResults under the profile, answering 201 with the id", async () => {
    const profile = await profileFor(ctx, user.personalOrgId, "published");
    const response = await call("POST", `/api/performance/profiles/${profile.id}/results`, {
      name: "meshery run",
      mesh: "istio",
      performance_profile: profile.id,
      test_start_time: "2026-11-02T10:00:00Z",
      runner_results: fortioResult(),
    });
    expect(response.status).toBe(201);
    const result = (await response.json()) as Result & { name: string };
    expect(result).toMatchObject({ profileId: profile.id, source: "import", name: "meshery run" });
    expect(result.percentiles.p50).toBeCloseTo(3, 6);
    const listed = (await (await call("GET", `/api/performance/profiles/${profile.id}/results`)).json()) as {
      results: { id: string }[];
    };
    expect(listed.results.map((r) => r.id)).toEqual([result.id]);
    const notFortio = await call("POST", `/api/performance/profiles/${profile.id}/results`, { name: "x" });
    expect(notFortio.status).toBe(400);
    const theirs = await profileFor(ctx, other.personalOrgId, "theirs");
    const foreign = await call("POST", `/api/performance/profiles/${theirs.id}/results`, {
      runner_results: fortioResult(),
    });
    expect(foreign.status).toBe(404);
  });

  it("refuses a body over the limit with 413", async () => {
    const response = await importing({ data: "x".repeat(1_100_000) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers 404 for another organisation's profile, whatever the document", async () => {
    const theirs = await profileFor(ctx, other.personalOrgId, "theirs");
    for (const data of [fortioResult(), { hello: "world" }]) {
      const response = await importing({ profileId: theirs.id, data });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("theirs");
    }
  });
});
