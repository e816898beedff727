// The performance pages end to end: the built API and web app, headless Chromium creating a profile against
// a local HTTP server, running it, watching it live, and reading a result whose numbers match the API's.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { formatMs } from "./lib/performance-format";
import { launchChromium } from "./testing/browser";
import { type DesignsStack, signInForDevelopment, startDesignsStack } from "./testing/designs-stack";

type ApiResult = {
  id: string;
  status: string;
  passed: boolean | null;
  percentiles: Record<string, number>;
  statusCodes: Record<string, number>;
  histogram: string | null;
  series: unknown[];
  runnerResults: { requests?: number };
};

describe("the performance pages", () => {
  let stack: DesignsStack;
  let browser: Browser;
  let target: Server;
  let targetUrl: string;
  let served = 0;

  beforeAll(async () => {
    // Most answers come at once and one in twenty after 20 ms, so the histogram has two humps to draw.
    target = createServer((_, response) => {
      served += 1;
      setTimeout(() => response.end("ok"), served % 20 === 0 ? 20 : 0);
    }).listen(0, "127.0.0.1");
    await new Promise((resolve) => target.once("listening", resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
    stack = await startDesignsStack();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    target?.close();
  });

  function showLogsOnFailure() {
    onTestFailed(() => console.error(`--- web\n${stack.web.output()}\n--- api\n${stack.api.output()}`));
  }

  async function personalOrgId(token: string): Promise<string> {
    const answer = await fetch(`${stack.api.url}/api/identity/orgs?page=0&pagesize=10`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const orgId = ((await answer.json()) as { organizations: { id: string }[] }).organizations[0]?.id;
    if (!orgId) throw new Error("the user has no organization");
    return orgId;
  }

  async function apiResult(context: BrowserContext, id: string): Promise<ApiResult> {
    const token = await stack.apiToken(context);
    const answer = await fetch(
      `${stack.api.url}/api/performance/results/${id}?orgId=${await personalOrgId(token)}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(answer.status).toBe(200);
    return (await answer.json()) as ApiResult;
  }

  async function fillProfile(page: Page, fields: Record<string, string>) {
    for (const [label, value] of Object.entries(fields))
      await page.getByLabel(label, { exact: true }).fill(value);
  }

  it("creates a profile, runs it live, and shows a result whose numbers are the API's", async () => {
    showLogsOnFailure();
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await signInForDevelopment(page, stack.webUrl, "ada@perf.example", "/dashboard");
    await page.getByRole("link", { name: "Performance", exact: true }).click();
    await page.waitForURL(`${stack.webUrl}/performance`);
    expect(await page.getByText("No profiles yet").count()).toBe(1);

    // A profile the API refuses: each of its reasons appears beside its field, and what was typed stays.
    await fillProfile(page, {
      Name: "homepage",
      "Duration such as 30s, 2m or 1h30m": "-5s",
      "Endpoints one http:// or https:// URL per line; runs load the first": "ftp://example.com/",
      "Thresholds one per line: p(99)<250, avg<100, error_rate<0.01, rps>500": "p99 < 250",
    });
    await page.getByRole("button", { name: "Create the profile" }).click();
    await page.getByTestId("endpoints-error").waitFor();
    expect(await page.getByTestId("endpoints-error").textContent()).toMatch(/http:\/\/ or https:\/\//);
    expect(await page.getByTestId("thresholds-error").textContent()).toMatch(
      /a threshold such as p\(99\)<250/,
    );
    expect(await page.getByTestId("duration-error").textContent()).toMatch(/a duration from 1ms to 1h/);
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("homepage");
    expect(new URL(page.url()).pathname).toBe("/performance");

    // The open model needs a rate: refused in the web before the API is asked.
    await page.getByRole("radio", { name: /Open: a constant rate/ }).check();
    await page.getByRole("button", { name: "Create the profile" }).click();
    await page.getByTestId("qps-error").waitFor();
    expect(await page.getByTestId("qps-error").textContent()).toMatch(/open model needs a rate/);

    await fillProfile(page, {
      "Duration such as 30s, 2m or 1h30m": "5s",
      "Endpoints one http:// or https:// URL per line; runs load the first": targetUrl,
      "Thresholds one per line: p(99)<250, avg<100, error_rate<0.01, rps>500": "p(99)<1000\nerror_rate<0.01",
      Connections: "4",
      "Rate requests per second, open model only": "200",
    });
    await page.getByRole("button", { name: "Create the profile" }).click();
    await page.waitForURL(/\/performance\/profiles\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId("profile-name").textContent()).toBe("homepage");
    expect(await page.getByText("open, 200/s over 4 connections").count()).toBe(1);

    // Run: the page comes back with the run in the URL and draws it live while it goes.
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.waitForURL(/\?run=[0-9a-f-]{36}$/);
    const resultId = new URL(page.url()).searchParams.get("run") ?? "";
    const live = page.getByTestId("live-run");
    await live.waitFor();
    expect(await live.getAttribute("data-state")).toBe("running");
    await live.getByTestId("live-rps-chart").locator("svg").waitFor();
    await live.getByTestId("live-latency-chart").locator("svg").waitFor();
    // The progress bar advances through the duration while the run goes on.
    const progress = live.getByRole("progressbar");
    await page.waitForFunction(
      (element) => Number(element?.getAttribute("aria-valuenow")) >= 25,
      await progress.elementHandle(),
      { timeout: 10_000 },
    );
    // While it runs, the live lines hold the seconds the API has so far (the view polls once a second, so it
    // may be a second or two behind, never ahead). An API that reports seconds only at the end shows none.
    const liveRequests = live.getByTestId("live-rps-chart").locator('path[data-series="requests/s"]');
    for (let sample = 0; sample < 3; sample++) {
      const drawn = Number(await liveRequests.getAttribute("data-points"));
      const reported = (await apiResult(context, resultId)).series.length;
      if ((await live.getAttribute("data-state")) !== "running") break;
      expect(drawn).toBeLessThanOrEqual(reported);
      expect(drawn).toBeGreaterThanOrEqual(reported - 2);
      await page.waitForTimeout(1200);
    }
    await page.screenshot({ path: "/tmp/perf-live.png", fullPage: true });
    await page.locator('[data-testid="live-run"]:not([data-state="running"])').waitFor({ timeout: 40_000 });
    expect(await live.getAttribute("data-state")).toBe("passed");

    await live.getByRole("link", { name: "Open the result" }).click();
    await page.waitForURL(`${stack.webUrl}/performance/results/${resultId}`);
    const result = await apiResult(context, resultId);
    expect(result.statusCodes["200"]).toBeGreaterThan(300);

    // The percentile table shows exactly the API's numbers.
    const table = page.getByTestId("percentile-table");
    await table.waitFor();
    for (const key of ["p50", "p75", "p90", "p95", "p99", "p99.9", "p99.99", "min", "max", "mean"]) {
      const cell = table.getByTestId(`percentile-${key}`).locator("td").first();
      expect(Number(await cell.getAttribute("data-value"))).toBe(result.percentiles[key]);
      expect(await cell.textContent()).toBe(formatMs(result.percentiles[key]));
    }
    expect(await page.getByTestId("fact-p99").textContent()).toBe(formatMs(result.percentiles.p99));
    expect(await page.getByTestId("verdict").textContent()).toBe(result.passed ? "Pass" : "Fail");

    // The histogram's bars hold every request the API counted, and its cumulative line is drawn.
    const histogram = page.getByTestId("latency-histogram");
    const counts = await histogram
      .locator("rect.chart-bar")
      .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute("data-count"))));
    expect(counts.length).toBeGreaterThan(3);
    const stored = JSON.parse(result.histogram ?? "{}") as { total: number };
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(stored.total);
    expect(await histogram.getByTestId("cumulative-line").getAttribute("d")).toMatch(/^M[\d.]+ [\d.]+ L/);
    expect(await page.getByTestId("threshold-row").count()).toBe(2);
    expect(await page.getByTestId("result-rps-chart").locator("path.chart-line").count()).toBe(2);
    await page.screenshot({ path: "/tmp/perf-result.png", fullPage: true });

    // The SMP download carries the same p99.
    const smp = await context.request.get(`${stack.webUrl}/performance/results/${resultId}/smp`);
    expect(smp.status()).toBe(200);
    expect(smp.headers()["content-disposition"]).toContain(".smp.json");
    expect(((await smp.json()) as { latencies_ms: { p99: number } }).latencies_ms.p99).toBe(
      result.percentiles.p99,
    );

    // The list shows the profile's latest result with its p99 and verdict.
    await page.goto(`${stack.webUrl}/performance`);
    const row = page.getByTestId("profile-row").filter({ hasText: "homepage" });
    expect(await row.textContent()).toContain(formatMs(result.percentiles.p99));
    await context.close();
  }, 180_000);

  it("compares two runs against a baseline, pins one, and keeps other users out", async () => {
    showLogsOnFailure();
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await signInForDevelopment(page, stack.webUrl, "grace@perf.example", "/performance");
    await fillProfile(page, {
      Name: "twice",
      "Duration such as 30s, 2m or 1h30m": "1s",
      "Endpoints one http:// or https:// URL per line; runs load the first": targetUrl,
    });
    await page.getByRole("button", { name: "Create the profile" }).click();
    await page.waitForURL(/\/performance\/profiles\/[0-9a-f-]{36}$/);
    const ids: string[] = [];
    for (let run = 0; run < 2; run++) {
      await page.getByRole("button", { name: "Run", exact: true }).click();
      // The URL names the run just started: wait for one not seen before.
      await page.waitForURL((url) => {
        const id = url.searchParams.get("run");
        return id !== null && !ids.includes(id);
      });
      ids.push(new URL(page.url()).searchParams.get("run") ?? "");
      await page.locator('[data-testid="live-run"]:not([data-state="running"])').waitFor({ timeout: 30_000 });
    }
    await page.reload();
    expect(await page.getByTestId("result-row").count()).toBe(2);
    // Tick both, compare: the table has the baseline and the other run, with a delta per metric.
    for (const box of await page.getByRole("checkbox", { name: /^Compare the run of/ }).all())
      await box.check();
    await page.getByRole("button", { name: "Compare the ticked results" }).click();
    await page.waitForURL(/\/performance\/compare\?/);
    const table = page.getByTestId("compare-table");
    await table.waitFor();
    await page.screenshot({ path: "/tmp/perf-compare.png", fullPage: true });
    expect(await table.locator("thead th").count()).toBe(3);
    expect(await table.locator("tbody tr").count()).toBe(11);
    expect(await table.locator(".perf-delta").count()).toBeGreaterThan(5);
    expect(await page.getByTestId("percentile-chart").locator("path.chart-line").count()).toBe(2);

    // Pin the first run as the profile's baseline: its page says so, and comparing the other alone uses it.
    await page.goto(`${stack.webUrl}/performance/results/${ids[0]}`);
    await page.getByRole("button", { name: "Pin as the profile's baseline" }).click();
    await page.getByText("Pinned as the profile's baseline.").waitFor();
    expect(await page.locator(".perf-title .perf-baseline-tag").count()).toBe(1);
    await page.goto(`${stack.webUrl}/performance/compare?ids=${ids[1]}`);
    const heads = page.getByTestId("compare-table").locator("thead th");
    expect(await heads.count()).toBe(3);
    expect(await heads.nth(1).textContent()).toContain("baseline");
    expect(await heads.nth(1).locator("a").getAttribute("href")).toBe(`/performance/results/${ids[0]}`);

    // Another user's result is not found, and the live poll wants a session.
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await signInForDevelopment(strangerPage, stack.webUrl, "mallory@perf.example", "/performance");
    const foreign = await strangerPage.goto(`${stack.webUrl}/performance/results/${ids[0]}`);
    expect(foreign?.status()).toBe(404);
    const foreignLive = await stranger.request.get(`${stack.webUrl}/performance/results/${ids[0]}/live`);
    expect(foreignLive.status()).toBe(404);
    await stranger.close();
    const anonymous = await fetch(`${stack.webUrl}/performance/results/${ids[0]}/live`);
    expect(anonymous.status).toBe(401);
    // Ids that are not ids, or no one's: not found, never a crash.
    expect((await page.goto(`${stack.webUrl}/performance/profiles/not-a-uuid`))?.status()).toBe(404);
    expect((await page.goto(`${stack.webUrl}/performance/results/${crypto.randomUUID()}`))?.status()).toBe(
      404,
    );
    expect((await page.goto(`${stack.webUrl}/performance/results/%27%3B--/live`))?.status()).toBe(404);
    const junk = await page.goto(`${stack.webUrl}/performance/compare?ids=junk,${crypto.randomUUID()}`);
    expect(junk?.status()).toBe(200);
    expect(await page.locator("main > p.alert").count()).toBe(1);

    // Without a cluster agent a schedule runs from this machine (the one-machine API can): the page says so.
    await page.goto(`${stack.webUrl}/performance/profiles/${await profileIdOf(page, ids[0] ?? "")}`);
    expect(await page.getByTestId("schedule-no-clusters").textContent()).toMatch(/runs from this machine/);
    await page.getByRole("button", { name: "Create the schedule" }).click();
    await page.waitForURL(/notice=/);
    expect(await page.getByTestId("schedule-state").textContent()).toBe("Enabled");
    expect(await page.getByTestId("schedule-where").textContent()).toMatch(/^Runs from this machine\. /);
    await context.close();
  }, 180_000);

  it("ends a run against a dead target as errored with its cause, and deletes the profile with its results", async () => {
    showLogsOnFailure();
    const closed = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => closed.once("listening", resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    closed.close();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInForDevelopment(page, stack.webUrl, "linus@perf.example", "/performance");
    await fillProfile(page, {
      Name: "gone",
      "Duration such as 30s, 2m or 1h30m": "1s",
      "Endpoints one http:// or https:// URL per line; runs load the first": deadUrl,
    });
    await page.getByRole("button", { name: "Create the profile" }).click();
    await page.waitForURL(/\/performance\/profiles\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.waitForURL(/\?run=[0-9a-f-]{36}$/);
    const resultId = new URL(page.url()).searchParams.get("run") ?? "";
    await page.locator('[data-testid="live-run"]:not([data-state="running"])').waitFor({ timeout: 30_000 });
    await page.goto(`${stack.webUrl}/performance/results/${resultId}`);
    expect(await page.getByTestId("verdict").getAttribute("data-state")).toBe("errored");
    expect(await page.getByTestId("result-cause").textContent()).toMatch(/connect|refused|reach/i);
    expect(await page.getByText("This result has no histogram to draw.").count()).toBe(1);

    // Deleting the profile takes its results with it.
    await page.getByRole("link", { name: "gone" }).click();
    await page.getByText("Delete this profile…").click();
    await page.getByRole("button", { name: "Yes, delete “gone”" }).click();
    await page.waitForURL(/\/performance\?notice=/);
    expect(await page.getByTestId("profile-row").count()).toBe(0);
    expect((await page.goto(`${stack.webUrl}/performance/results/${resultId}`))?.status()).toBe(404);
    await context.close();
  }, 120_000);

  it("imports a Fortio result, draws its rebuilt histogram and lists what the format lost", async () => {
    showLogsOnFailure();
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await signInForDevelopment(page, stack.webUrl, "barbara@perf.example", "/performance/import");
    // A document that is not a result: the API's reason shows, and the pasted text stays to be fixed.
    await page.getByLabel("Result", { exact: true }).fill('{"hello": "world"}');
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByTestId("import-error").waitFor();
    expect(await page.getByLabel("Result", { exact: true }).inputValue()).toBe('{"hello": "world"}');

    // Fortio's result as Meshery keeps it: durations in seconds, semi-log buckets with counts.
    const fortio = {
      RunType: "HTTP",
      Labels: "catalogue",
      StartTime: "2026-11-20T08:30:00Z",
      RequestedQPS: "50",
      RequestedDuration: "10s",
      ActualQPS: 49.5,
      ActualDuration: 10_000_000_000,
      NumThreads: 4,
      URL: "http://catalogue.shop.svc:8080/items",
      DurationHistogram: {
        Count: 495,
        Min: 0.0009,
        Max: 0.0612,
        Sum: 2.6,
        Avg: 0.00525,
        StdDev: 0.006,
        Data: [
          { Start: 0.0009, End: 0.002, Percent: 20.2, Count: 100 },
          { Start: 0.002, End: 0.005, Percent: 70.7, Count: 250 },
          { Start: 0.005, End: 0.01, Percent: 95, Count: 120 },
          { Start: 0.01, End: 0.02, Percent: 99, Count: 20 },
          { Start: 0.05, End: 0.0612, Percent: 100, Count: 5 },
        ],
        Percentiles: [
          { Percentile: 50, Value: 0.0038 },
          { Percentile: 99, Value: 0.02 },
        ],
      },
      RetCodes: { "200": 495 },
    };
    await page.getByLabel("Result", { exact: true }).fill(JSON.stringify(fortio, null, 2));
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.waitForURL(/\/performance\/results\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split("/").pop() ?? "";
    const result = await apiResult(context, id);
    expect(await page.getByText("imported from fortio", { exact: true }).count()).toBe(1);
    expect(await page.locator(".alert-warn li").count()).toBeGreaterThan(0);
    const table = page.getByTestId("percentile-table");
    for (const key of ["p50", "p99", "min", "max"]) {
      const cell = table.getByTestId(`percentile-${key}`).locator("td").first();
      expect(await cell.textContent()).toBe(formatMs(result.percentiles[key]));
    }
    const counts = await page
      .getByTestId("latency-histogram")
      .locator("rect.chart-bar")
      .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute("data-count"))));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(495);
    expect(await page.getByText("This result has no per-second series.").count()).toBe(1);
    await context.close();
  }, 120_000);

  it("schedules a profile through a cluster's agent, explaining the cron expression as it is typed", async () => {
    showLogsOnFailure();
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await signInForDevelopment(page, stack.webUrl, "katherine@perf.example", "/performance");
    await fillProfile(page, {
      Name: "nightly",
      "Endpoints one http:// or https:// URL per line; runs load the first": targetUrl,
    });
    await page.getByRole("button", { name: "Create the profile" }).click();
    await page.waitForURL(/\/performance\/profiles\/[0-9a-f-]{36}$/);
    const profileUrl = page.url();
    // Editing: a refused threshold comes back at its field; a good edit saves and returns to the profile.
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.waitForURL(/\/edit$/);
    const thresholds = page.getByLabel(
      "Thresholds one per line: p(99)<250, avg<100, error_rate<0.01, rps>500",
      {
        exact: true,
      },
    );
    await thresholds.fill("p(99)<250\nlatency is low");
    await page.getByRole("button", { name: "Save the profile" }).click();
    await page.getByTestId("thresholds-error").waitFor();
    expect(await page.getByTestId("thresholds-error").textContent()).toMatch(/^line 2: /);
    await thresholds.fill("p(99)<250");
    await page.getByLabel("Name", { exact: true }).fill("nightly build");
    await page.getByRole("button", { name: "Save the profile" }).click();
    await page.waitForURL(profileUrl);
    expect(await page.getByTestId("profile-name").textContent()).toBe("nightly build");
    expect(await page.locator("code.perf-threshold").allTextContents()).toEqual(["p(99)<250"]);
    // An agent registers for a cluster, as the in-cluster agent does on install.
    const token = await stack.apiToken(context);
    const orgId = await personalOrgId(token);
    const bootstrap = await fetch(`${stack.api.url}/api/agents/bootstrap-tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ orgId, name: "staging" }),
    });
    expect(bootstrap.status).toBe(201);
    const registered = await fetch(`${stack.api.url}/api/agents/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        bootstrapToken: ((await bootstrap.json()) as { token: string }).token,
        kubeSystemUid: crypto.randomUUID(),
        kubernetesVersion: "v1.34.1",
        nodeCount: 3,
        agentVersion: "0.1.0",
      }),
    });
    expect(registered.status).toBe(201);
    await page.reload();

    const cron = page.getByLabel(/^Cron expression/);
    await cron.fill("*/15 * * * *");
    expect(await page.getByTestId("cron-description").textContent()).toBe("Every 15 minutes (UTC)");
    const times = await page.getByTestId("cron-next-runs").locator("li").allTextContents();
    expect(times).toHaveLength(5);
    expect(times.every((time) => /:(00|15|30|45) UTC$/.test(time))).toBe(true);
    await cron.fill("61 * * * *");
    expect(await page.getByTestId("cron-error").textContent()).toMatch(/"61" is not a minute/);
    expect(await page.getByRole("button", { name: "Create the schedule" }).isDisabled()).toBe(true);

    await cron.fill("30 2 * * 1-5");
    expect(await page.getByTestId("cron-description").textContent()).toBe(
      "At 02:30, on Monday to Friday (UTC)",
    );
    await page.getByRole("button", { name: "Create the schedule" }).click();
    await page.getByText("Schedule saved and enabled.").waitFor();
    await page.screenshot({ path: "/tmp/perf-schedule.png", fullPage: true });
    expect(await page.getByTestId("schedule-state").textContent()).toBe("Enabled");
    const listed = await fetch(
      `${stack.api.url}/api/performance/schedules?orgId=${orgId}&profileId=${new URL(page.url()).pathname.split("/").pop()}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const schedules = ((await listed.json()) as { schedules: { cronExpression: string; enabled: boolean }[] })
      .schedules;
    expect(schedules).toMatchObject([{ cronExpression: "30 2 * * 1-5", enabled: true }]);

    // Disable it: the schedule stays, marked disabled.
    await page.getByLabel("Enabled", { exact: true }).uncheck();
    await page.getByRole("button", { name: "Save the schedule" }).click();
    await page.getByText("Schedule saved, disabled.").waitFor();
    expect(await page.getByTestId("schedule-state").textContent()).toBe("Disabled");

    // Run it in-cluster now; the agent's side is played over the agent protocol: it sends two live seconds,
    // then reports that it could not reach the target.
    const agent = (await registered.json()) as { credential: string; connectionId: string };
    const runForm = page.getByRole("form", { name: "Run the profile" });
    await runForm.getByText("In-cluster…").click();
    await runForm.getByRole("checkbox", { name: "staging" }).check();
    await runForm.getByRole("button", { name: "Run" }).click();
    const live = page.getByTestId("live-run");
    await live.waitFor();
    const asAgent = (path: string, body?: unknown) =>
      fetch(`${stack.api.url}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { authorization: `Bearer ${agent.credential}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const polled = (await (await asAgent("/api/agents/jobs?wait=0")).json()) as {
      jobs: { id: string; kind: string }[];
    };
    const job = polled.jobs.find((candidate) => candidate.kind === "loadTest");
    if (!job) throw new Error("no loadTest job reached the agent");
    const second = (n: number, requests: number) => ({
      second: n,
      requests,
      errors: 0,
      failedStatuses: 0,
      p50: 2,
      p90: 4,
      p99: 9,
    });
    const sent = await asAgent(`/api/agents/jobs/${job.id}/progress`, {
      seconds: [second(0, 30), second(1, 45)],
    });
    expect(await sent.json()).toEqual({ accepted: true });
    // The page draws the agent's seconds while the run goes on.
    const drawn = live.getByTestId("live-rps-chart").locator('path[data-series="requests/s"]');
    await page.waitForFunction(
      (element) => Number(element?.getAttribute("data-points")) >= 2,
      await drawn.elementHandle(),
      { timeout: 10_000 },
    );
    await asAgent(`/api/agents/jobs/${job.id}/result`, {
      status: "failed",
      result: null,
      error: "cannot connect to 127.0.0.1:9",
    });
    await page.locator('[data-testid="live-run"]:not([data-state="running"])').waitFor({ timeout: 20_000 });
    await live.getByRole("link", { name: "Open the result" }).click();
    // The cause names the cluster, not its connection's id.
    expect(await page.getByTestId("result-cause").textContent()).toMatch(
      /the agent of cluster "staging" failed: cannot connect to 127\.0\.0\.1:9/,
    );
    const part = page.getByTestId("cluster-part");
    await part.waitFor();
    expect(await part.locator("th").textContent()).toBe("staging");
    expect(await part.locator("a").getAttribute("href")).toBe(`/clusters/${agent.connectionId}`);
    expect(await part.textContent()).toMatch(/failed.*cannot connect to 127\.0\.0\.1:9/);
    await page.screenshot({ path: "/tmp/perf-cluster-result.png", fullPage: true });
    await context.close();
  }, 120_000);

  async function profileIdOf(page: Page, resultId: string): Promise<string> {
    const result = (await apiResult(page.context(), resultId)) as ApiResult & { profileId: string };
    return result.profileId;
  }
});
