import { createRoute, z } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, openApiErrorResponses } from "./errors";
import { createTestApp, type ErrorBody, type TestApp } from "./testing/app";

// No public route takes a body yet: these probe the app's machinery through routes declared only here.
function addProbeRoutes({ app }: TestApp) {
  const echo = createRoute({
    method: "post",
    path: "/api/probe/echo",
    request: {
      body: {
        required: true,
        content: { "application/json": { schema: z.object({ name: z.string().min(1) }) } },
      },
    },
    responses: { 200: { description: "echo" }, ...openApiErrorResponses },
  });
  app.openapi(echo, (c) => c.json(c.req.valid("json"), 200));
  app.get("/api/probe/crash", () => {
    throw new Error("secret-ish internal detail");
  });
  app.get("/api/probe/conflict", () => {
    throw new ApiError({ code: "CONFLICT", message: "already there" });
  });
}

const postJson = (
  body: string,
  headers: Record<string, string> = { "content-type": "application/json" },
) => ({
  method: "POST",
  body,
  headers,
});

describe("the app's error handling", () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp({ maxBodyBytes: 1024 });
    addProbeRoutes(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const expectEnvelope = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
    expect(JSON.stringify(body)).not.toMatch(/\bat\s.+:\d+:\d+|node_modules/);
    return body;
  };

  it("accepts a valid body", async () => {
    const res = await ctx.app.request("/api/probe/echo", postJson(JSON.stringify({ name: "mesh" })));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: "mesh" });
  });

  it("answers an unknown route with the 404 envelope", async () => {
    await expectEnvelope(await ctx.app.request("/api/does-not-exist"), 404, "NOT_FOUND");
  });

  it("answers malformed JSON with 400", async () => {
    await expectEnvelope(await ctx.app.request("/api/probe/echo", postJson("{not json")), 400, "BAD_REQUEST");
  });

  it("answers a body that fails validation with 400 naming the field", async () => {
    const res = await ctx.app.request("/api/probe/echo", postJson(JSON.stringify({ name: "" })));
    const body = await expectEnvelope(res, 400, "BAD_REQUEST");
    expect(body.error.message).toContain("name");
  });

  it("answers a body over the limit with 413", async () => {
    const big = JSON.stringify({ name: "x".repeat(2048) });
    await expectEnvelope(await ctx.app.request("/api/probe/echo", postJson(big)), 413, "PAYLOAD_TOO_LARGE");
  });

  it("answers the wrong content type with 415", async () => {
    const res = await ctx.app.request(
      "/api/probe/echo",
      postJson("name=x", { "content-type": "text/plain" }),
    );
    await expectEnvelope(res, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("maps a thrown ApiError to its status", async () => {
    await expectEnvelope(await ctx.app.request("/api/probe/conflict"), 409, "CONFLICT");
  });

  it("logs an unexpected error and answers 500 without its message or stack", async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const res = await ctx.app.request("/api/probe/crash");
      const body = await expectEnvelope(res, 500, "INTERNAL_SERVER_ERROR");
      expect(body.error.message).toBe("Internal server error");
      expect(JSON.stringify(body)).not.toContain("secret-ish");
      expect(JSON.stringify(logged)).toContain(body.error.requestId);
    } finally {
      console.error = original;
    }
  });
});

describe("request ids", () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("echoes a sane X-Request-Id", async () => {
    const res = await ctx.app.request("/api/version", { headers: { "x-request-id": "trace-123.abc" } });
    expect(res.headers.get("x-request-id")).toBe("trace-123.abc");
  });

  it("replaces an unsafe or oversized one, and mints one when absent", async () => {
    for (const given of ["has spaces", "<script>", "x".repeat(200)]) {
      const res = await ctx.app.request("/api/version", { headers: { "x-request-id": given } });
      expect(res.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
    }
    const minted = await ctx.app.request("/api/version");
    expect(minted.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it("puts the same id in an error envelope", async () => {
    const res = await ctx.app.request("/api/nowhere", { headers: { "x-request-id": "abc" } });
    expect(((await res.json()) as ErrorBody).error.requestId).toBe("abc");
  });
});
