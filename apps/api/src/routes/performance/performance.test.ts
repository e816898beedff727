import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";

type Result = {
  id: string;
  status: string;
  passed: boolean | null;
  partial: boolean;
  error: string | null;
  summary: { requests: number; rps: number; errorRate: number } | null;
  thresholds: { expression: string; passed: boolean; actual: number | null }[];
  percentiles: Record<string, number>;
  statusCodes: Record<string, number>;
  series: unknown[];
  runnerResults: { error?: string; thresholds?: { expression: string; passed: boolean }[] };
};

describe("performance profiles, runs in the one-machine mode, results and SMP export", () => {
  let ctx: TestApp;
  let user: SignedIn;
  let target: Server;
  let targetUrl: string;
  const call = (method: string, path: string, body?: unknown) =>
    ctx.app.request(`${path}${path.includes("?") ? "&" : "?"}orgId=${user.personalOrgId}`, {
      method,
      headers: { ...bearer(user.jwt), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function runToEnd(profileId: string): Promise<Result> {
    const started = await call("POST", `/api/performance/profiles/${profileId}/run`);
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as Result;
    for (let i = 0; i < 120; i++) {
      const result = (await (await call("GET", `/api/performance/results/${id}`)).json()) as Result;
      if (result.status !== "running") return result;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error("the run did not finish");
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    user = await signIn(ctx);
    target = createServer((_, response) => response.end("ok")).listen(0, "127.0.0.1");
    await new Promise((resolve) => target.once("listening", resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    target.close();
    await ctx.close();
  });

  it("runs a profile, decides its thresholds and exports the result as SMP", async () => {
    const created = await call("POST", "/api/performance/profiles", {
      name: "homepage",
      endpoints: [targetUrl],
      concurrentRequest: 2,
      qps: 50,
      duration: "1s",
      thresholds: ["p(99)<1000", "error_rate<0.01", "p(50)<0.0001"],
    });
    expect(created.status).toBe(201);
    const profile = (await created.json()) as { id: string; thresholds: string[] };
    expect(profile.thresholds).toHaveLength(3);
    const result = await runToEnd(profile.id);
    // The impossible p(50) rule fails the run.
    expect(result.status).toBe("failed");
    expect(result.partial).toBe(false);
    expect(result.error).toBeNull();
    expect(result.summary?.requests).toBe(result.statusCodes["200"]);
    expect(result.summary?.errorRate).toBe(0);
    expect(result.thresholds.map((t) => t.passed)).toEqual([true, true, false]);
    expect(result.statusCodes["200"]).toBeGreaterThan(20);
    expect(result.percentiles.p99).toBeGreaterThan(0);
    expect(result.series.length).toBeGreaterThanOrEqual(1);
    // The impossible p(50) rule fails the run; the other two pass.
    expect(result.runnerResults.thresholds?.map((t) => t.passed)).toEqual([true, true, false]);
    expect(result.passed).toBe(false);
    const smp = (await (await call("GET", `/api/performance/results/${result.id}/smp`)).json()) as {
      latencies_ms: Record<string, number>;
      actual_qps: number;
      config: { clients: { connections: number; endpoint_urls: string[] }[] };
    };
    expect(smp.latencies_ms.p99).toBe(result.percentiles.p99);
    expect(smp.actual_qps).toBeGreaterThan(0);
    expect(smp.config.clients[0]).toMatchObject({ connections: 2, endpoint_urls: [targetUrl] });
    const listed = (await (await call("GET", `/api/performance/profiles/${profile.id}/results`)).json()) as {
      results: Result[];
    };
    expect(listed.results.map((r) => r.id)).toEqual([result.id]);
  });

  it("passes a run whose thresholds all hold", async () => {
    const created = (await (
      await call("POST", "/api/performance/profiles", {
        name: "passing",
        endpoints: [targetUrl],
        qps: 20,
        duration: "1s",
        thresholds: ["p(99)<2000", "error_rate<0.5"],
      })
    ).json()) as { id: string };
    const result = await runToEnd(created.id);
    expect(result).toMatchObject({ status: "passed", passed: true, partial: false, error: null });
  });

  it("shows the series growing while the run goes on", async () => {
    const created = (await (
      await call("POST", "/api/performance/profiles", {
        name: "live",
        endpoints: [targetUrl],
        qps: 40,
        duration: "4s",
      })
    ).json()) as { id: string };
    const started = await call("POST", `/api/performance/profiles/${created.id}/run`);
    expect(started.status).toBe(202);
    const { id, status } = (await started.json()) as Result;
    expect(status).toBe("running");
    const seenWhileRunning = new Set<number>();
    let final: Result | undefined;
    for (let i = 0; i < 80 && !final; i++) {
      const result = (await (await call("GET", `/api/performance/results/${id}`)).json()) as Result;
      if (result.status === "running") seenWhileRunning.add(result.series.length);
      else final = result;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Several different lengths were read before the end: at least 1, 2 and 3 seconds in.
    expect([...seenWhileRunning].filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...seenWhileRunning)).toBeLessThan(final?.series.length ?? 0);
    expect(final?.status).toBe("passed");
    expect(final?.series.length).toBeGreaterThanOrEqual(4);
    const requestsInSeries = ((final?.series ?? []) as { requests: number }[]).reduce(
      (n, s) => n + s.requests,
      0,
    );
    expect(requestsInSeries).toBe(final?.summary?.requests);
  });

  it("ends a run whose target dies mid-run as a partial result with the cause", async () => {
    const dying = createServer((_, response) => response.end("ok"));
    dying.listen(0, "127.0.0.1");
    await new Promise((resolve) => dying.once("listening", resolve));
    const url = `http://127.0.0.1:${(dying.address() as AddressInfo).port}/`;
    const created = (await (
      await call("POST", "/api/performance/profiles", {
        name: "dying",
        endpoints: [url],
        qps: 50,
        duration: "6s",
      })
    ).json()) as { id: string };
    const started = Date.now();
    const run = runToEnd(created.id);
    setTimeout(() => {
      dying.close();
      dying.closeAllConnections();
    }, 1_500);
    const result = await run;
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(result.status).toBe("failed");
    expect(result.partial).toBe(true);
    expect(result.passed).toBe(false);
    expect(result.error).toMatch(/stopped accepting connections|ECONNREFUSED/);
    expect(result.summary?.requests).toBeGreaterThan(20);
    expect(result.series.length).toBeGreaterThanOrEqual(1);
  });

  it("ends a run against an unreachable target as errored, with the cause", async () => {
    const closed = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => closed.once("listening", resolve));
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    const created = (await (
      await call("POST", "/api/performance/profiles", {
        name: "gone",
        endpoints: [`http://127.0.0.1:${port}/`],
        duration: "1s",
      })
    ).json()) as { id: string };
    const result = await runToEnd(created.id);
    expect(result.status).toBe("errored");
    expect(result.passed).toBe(false);
    expect(result.error).toMatch(/connect|refused|reach/i);
    expect(result.runnerResults.error).toBe(result.error);
  });

  it.each([
    ["rate below 0", { qps: -1 }],
    ["a negative duration", { duration: "-5s" }],
    ["a zero duration", { duration: "0s" }],
    ["a non-HTTP target", { endpoints: ["ftp://example.com/"] }],
    ["an invalid threshold", { thresholds: ["p99 < 250"] }],
    ["an unknown field", { turbo: true }],
  ])("refuses a profile with %s, naming the field", async (_, change) => {
    const response = await call("POST", "/api/performance/profiles", {
      name: "bad",
      endpoints: [targetUrl],
      ...change,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("BAD_REQUEST");
  });
});
