import { describe, expect, it } from "vitest";
import worker from "./worker";

// Only the part that runs before any binding is used: the full Worker is exercised in worker.server.test.ts.
describe("the Worker entry's environment check", () => {
  const ctx = {
    waitUntil: () => {},
    passThroughOnException: () => {},
    props: {},
  } as unknown as ExecutionContext;

  it.each([
    ["missing", {}],
    ["not a postgres URL", { DATABASE_URL: "mysql://nope" }],
  ])("answers 500 BAD_ENVIRONMENT when DATABASE_URL is %s, naming no value", async (_, bindings) => {
    const original = console.error;
    console.error = () => {};
    try {
      const request = new Request("http://localhost/api/health") as unknown as Parameters<
        typeof worker.fetch
      >[0];
      const res = await worker.fetch(request, bindings, ctx);
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error).toMatchObject({ code: "BAD_ENVIRONMENT", message: "The server is misconfigured" });
      expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
      expect(JSON.stringify(body)).not.toContain("mysql");
    } finally {
      console.error = original;
    }
  });
});
