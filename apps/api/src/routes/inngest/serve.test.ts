import { workflows } from "@meshplane/workflows";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app";

describe("/api/inngest", () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("answers Inngest's introspection with the registered functions", async () => {
    const res = await ctx.app.request("http://localhost/api/inngest");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { function_count?: number; mode?: string };
    expect(body).toMatchObject({ function_count: workflows.length, mode: "dev" });
  });
});
