import { afterEach, describe, expect, it } from "vitest";
import { type FakeApi, healthyBody, json, startFakeApi } from "../testing/fake-api";
import { fetchHealth } from "./health";

describe("fetchHealth", () => {
  let api: FakeApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it("parses a healthy answer", async () => {
    api = await startFakeApi((_req, res) => json(res, 200, { ...healthyBody, extra: "tolerated" }));
    const report = await fetchHealth(api.url);
    expect(report).toMatchObject({ state: "healthy", url: `${api.url}/api/health` });
    if (report.state !== "healthy") throw new Error("expected healthy");
    expect(report.health.database.serverVersion).toBe("15.99-test");
    expect(report.health.database.migrations).toBe(7);
  });

  it("reports the error envelope of a 503 as degraded", async () => {
    api = await startFakeApi((_req, res) =>
      json(res, 503, {
        error: { code: "SERVICE_UNAVAILABLE", message: "database down", requestId: "req_1" },
      }),
    );
    expect(await fetchHealth(api.url)).toMatchObject({
      state: "degraded",
      status: 503,
      code: "SERVICE_UNAVAILABLE",
      message: "database down",
      requestId: "req_1",
    });
  });

  it("treats an answer that is not JSON as unreachable", async () => {
    api = await startFakeApi((_req, res) => res.writeHead(200).end("<html>a proxy page</html>"));
    expect(await fetchHealth(api.url)).toMatchObject({
      state: "unreachable",
      reason: "the answer is not JSON",
    });
  });

  it("treats JSON of another shape as unreachable", async () => {
    api = await startFakeApi((_req, res) => json(res, 200, { status: "ok" }));
    expect(await fetchHealth(api.url)).toMatchObject({
      state: "unreachable",
      reason: "the answer is not a Meshplane health document",
    });
  });

  it("reports a refused connection", async () => {
    const closed = await startFakeApi(() => undefined);
    await closed.close();
    expect(await fetchHealth(closed.url)).toMatchObject({
      state: "unreachable",
      reason: "connection refused",
    });
  });

  it("gives up on an API that never answers", async () => {
    api = await startFakeApi(() => undefined);
    expect(await fetchHealth(api.url, { timeoutMs: 200 })).toMatchObject({
      state: "unreachable",
      reason: "no answer before the timeout",
    });
  });
});
