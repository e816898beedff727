import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app";
import type { GetVersionResponse } from "./get";

describe("GET /api/version", () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("names the build, runtime and mode", async () => {
    const res = await ctx.app.request("/api/version");
    expect(res.status).toBe(200);
    const body: GetVersionResponse = await res.json();
    expect(body).toEqual({ name: "meshplane", version: "0.1.0", runtime: "node", mode: "one-machine" });
  });
});
