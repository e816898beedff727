// The built web app, served by start.mjs, renders the live health of whatever API it is pointed at.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeApi, healthyBody, json, startFakeApi } from "./testing/fake-api";
import { ensureWebBuilt, type RunningProcess, startWeb } from "./testing/processes";

describe("the start page", () => {
  let api: FakeApi;
  let web: RunningProcess;

  beforeAll(async () => {
    ensureWebBuilt();
    api = await startFakeApi((req, res) =>
      req.url === "/api/health" ? json(res, 200, healthyBody) : json(res, 404, {}),
    );
    web = await startWeb({ ...(process.env as Record<string, string>), API_URL: api.url });
  });

  afterAll(async () => {
    await web?.stop();
    await api?.close();
  });

  it("shows the API's version and its database server as they are now, and a way to sign in", async () => {
    const html = await (await fetch(web.url)).text();
    expect(html).toContain("Operational");
    expect(html).toContain("9.9.9-test");
    expect(html).toContain("15.99-test");
    // Each area says what it can do today, and links to it.
    expect(html).toContain("Available");
    expect(html).toContain('href="/clusters"');
    expect(html).toContain('href="/performance"');
    expect(html).toContain('href="/catalog"');
    expect(html).toContain('href="/sign-in?callbackUrl=%2Fdashboard"');
  });

  it("says the API is unreachable, and where it looked, once the API is gone", async () => {
    await api.close();
    const html = await (await fetch(web.url)).text();
    expect(html).toContain("Unreachable");
    expect(html).toContain(`${api.url}/api/health`);
    expect(html).toContain("connection refused");
    expect(html).not.toContain("9.9.9-test");
  });
});
