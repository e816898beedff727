import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";
import type { GetHealthResponse } from "./get";

describe("GET /api/health", () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("reports the instance and a database that answers, with its migrations", async () => {
    const res = await ctx.app.request("/api/health");
    expect(res.status).toBe(200);
    const body = (await res.json()) as GetHealthResponse;
    expect(body).toMatchObject({ status: "ok", runtime: "node", mode: "one-machine", version: "0.1.0" });
    expect(body.database.ok).toBe(true);
    expect(body.database.migrations).toBeGreaterThan(0);
    expect(body.database.serverVersion).toMatch(/^\d+/);
  });

  it("answers 503 in the envelope when the database is gone, without leaking the cause", async () => {
    const broken = await createTestApp();
    await broken.t.close();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const res = await broken.app.request("/api/health");
      expect(res.status).toBe(503);
      const body = (await res.json()) as ErrorBody;
      expect(body.error).toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        message: "The database is unavailable",
      });
      expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
      expect(JSON.stringify(body)).not.toMatch(/\bat\s.+:\d+:\d+/);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      console.error = original;
    }
  });
});
