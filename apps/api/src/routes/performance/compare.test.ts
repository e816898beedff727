import { startPerformanceResult } from "@meshplane/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";
import { type SignedIn, signIn } from "../../testing/identity";
import { caller, finishedResult, profileFor } from "./testing";

type Delta = { absolute: number | null; percent: number | null };
type Entry = {
  id: string;
  baseline: boolean;
  values: Record<string, number | null>;
  deltas: Record<string, Delta>;
};
type Comparison = { metrics: string[]; baseline: Entry; results: Entry[]; warnings: string[] };

const latencies = (scale: number) => ({
  min: 1 * scale,
  mean: 5 * scale,
  p50: 4 * scale,
  p90: 8 * scale,
  p95: 9 * scale,
  p99: 10 * scale,
  "p99.9": 20 * scale,
  "p99.99": 30 * scale,
  max: 40 * scale,
});

describe("baselines and comparison", () => {
  let ctx: TestApp;
  let user: SignedIn;
  let other: SignedIn;
  let call: ReturnType<typeof caller>;
  let profileId: string;
  let ids: { base: string; slower: string; faster: string };

  beforeAll(async () => {
    ctx = await createTestApp();
    [user, other] = [await signIn(ctx), await signIn(ctx)];
    call = caller(ctx, user);
    const organizationId = user.personalOrgId;
    profileId = (await profileFor(ctx, organizationId)).id;
    const make = (name: string, scale: number, rps: number, errorRate: number) =>
      finishedResult(ctx, { organizationId, profileId, name, percentiles: latencies(scale), rps, errorRate });
    ids = {
      base: (await make("base", 1, 1000, 0.01)).id,
      slower: (await make("slower", 1.5, 800, 0.02)).id,
      faster: (await make("faster", 0.5, 1250, 0)).id,
    };
  });
  afterAll(() => ctx.close());

  it("gives every metric's value and its delta against the named baseline", async () => {
    const response = await call(
      "GET",
      `/api/performance/compare?ids=${ids.slower},${ids.faster}&baseline=${ids.base}`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Comparison;
    expect(body.metrics).toEqual([
      "min",
      "mean",
      "p50",
      "p90",
      "p95",
      "p99",
      "p99.9",
      "p99.99",
      "max",
      "rps",
      "errorRate",
    ]);
    expect(body.baseline.id).toBe(ids.base);
    expect(body.results.map((r) => r.id)).toEqual([ids.slower, ids.faster]);
    const [slower, faster] = body.results;
    expect(slower?.values.p99).toBe(15);
    expect(slower?.deltas.p99).toEqual({ absolute: 5, percent: 50 });
    expect(slower?.deltas["p99.99"]).toEqual({ absolute: 15, percent: 50 });
    expect(slower?.deltas.rps).toEqual({ absolute: -200, percent: -20 });
    expect(slower?.deltas.errorRate?.absolute).toBeCloseTo(0.01, 10);
    expect(slower?.deltas.errorRate?.percent).toBeCloseTo(100, 8);
    expect(faster?.deltas.p50).toEqual({ absolute: -2, percent: -50 });
    expect(faster?.deltas.rps).toEqual({ absolute: 250, percent: 25 });
    // The baseline against itself is all zeros.
    expect(body.baseline.deltas.max).toEqual({ absolute: 0, percent: 0 });
    expect(body.warnings).toEqual([]);
  });

  it("pins one baseline per profile, uses it by default, and unpins it", async () => {
    const pinned = await call("PUT", `/api/performance/results/${ids.faster}/baseline`);
    expect(pinned.status).toBe(200);
    expect(((await pinned.json()) as { baseline: boolean }).baseline).toBe(true);
    // Pinning another unpins the first.
    expect((await call("PUT", `/api/performance/results/${ids.base}/baseline`)).status).toBe(200);
    const fasterNow = (await (await call("GET", `/api/performance/results/${ids.faster}`)).json()) as {
      baseline: boolean;
    };
    expect(fasterNow.baseline).toBe(false);
    const byDefault = (await (
      await call("GET", `/api/performance/compare?ids=${ids.slower}`)
    ).json()) as Comparison;
    expect(byDefault.baseline).toMatchObject({ id: ids.base, baseline: true });
    expect(byDefault.results[0]?.deltas.p99).toEqual({ absolute: 5, percent: 50 });
    const unpinned = await call("DELETE", `/api/performance/results/${ids.base}/baseline`);
    expect(((await unpinned.json()) as { baseline: boolean }).baseline).toBe(false);
    // With nothing pinned, the first id is the baseline.
    const firstIsBase = (await (
      await call("GET", `/api/performance/compare?ids=${ids.slower},${ids.base}`)
    ).json()) as Comparison;
    expect(firstIsBase.baseline.id).toBe(ids.slower);
  });

  it("warns about unfinished runs and other profiles, and gives null percentages against a zero", async () => {
    const running = await startPerformanceResult(ctx.t.db, {
      organizationId: user.personalOrgId,
      profileId,
      name: "still going",
    });
    const otherProfile = (await profileFor(ctx, user.personalOrgId, "search")).id;
    const elsewhere = await finishedResult(ctx, {
      organizationId: user.personalOrgId,
      profileId: otherProfile,
      percentiles: latencies(2),
      rps: 10,
      errorRate: 0.5,
      connections: 4,
    });
    const body = (await (
      await call("GET", `/api/performance/compare?ids=${running.id},${elsewhere.id}&baseline=${ids.faster}`)
    ).json()) as Comparison;
    expect(body.warnings.join("\n")).toMatch(/still running/);
    expect(body.warnings.join("\n")).toMatch(/another profile/);
    expect(body.results[0]?.values.p99).toBeNull();
    expect(body.results[0]?.deltas.p99).toEqual({ absolute: null, percent: null });
    // The faster run's error rate is 0: a percentage change from zero is undefined.
    expect(body.results[1]?.deltas.errorRate).toEqual({ absolute: 0.5, percent: null });
    const pin = await call("PUT", `/api/performance/results/${running.id}/baseline`);
    expect(pin.status).toBe(409);
    expect(((await pin.json()) as ErrorBody).error.code).toBe("CONFLICT");
  });

  it.each([
    ["no ids", "ids="],
    ["a malformed id", "ids=not-a-uuid"],
    ["too many ids", `ids=${Array.from({ length: 11 }, () => crypto.randomUUID()).join(",")}`],
    ["a malformed baseline", "ids=00000000-0000-4000-8000-000000000000&baseline=x"],
    ["an absurdly long list", `ids=${"a,".repeat(5000)}`],
  ])("refuses %s with 400", async (_, query) => {
    const response = await call("GET", `/api/performance/compare?${query}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("BAD_REQUEST");
  });

  it("answers 404 for results of another organisation, in ids, baseline or pinning", async () => {
    const theirs = await profileFor(ctx, other.personalOrgId, "theirs");
    const result = await finishedResult(ctx, {
      organizationId: other.personalOrgId,
      profileId: theirs.id,
      percentiles: latencies(1),
      rps: 1,
      errorRate: 0,
    });
    const asIds = await call("GET", `/api/performance/compare?ids=${ids.base},${result.id}`);
    expect(asIds.status).toBe(404);
    expect(await asIds.text()).not.toContain("theirs");
    expect((await call("GET", `/api/performance/compare?ids=${ids.base}&baseline=${result.id}`)).status).toBe(
      404,
    );
    expect((await call("PUT", `/api/performance/results/${result.id}/baseline`)).status).toBe(404);
    expect((await call("DELETE", `/api/performance/results/${result.id}/baseline`)).status).toBe(404);
    // Naming the other organisation is refused outright.
    const foreignOrg = await call(
      "GET",
      `/api/performance/compare?ids=${result.id}`,
      undefined,
      other.personalOrgId,
    );
    expect(foreignOrg.status).toBe(404);
  });
});
