import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app";

type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
};

describe("the API reference", () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("serves a generated OpenAPI 3.1 document with every route and the error envelope", async () => {
    const res = await ctx.app.request("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenApiDocument;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: "Meshplane", version: "0.1.0" });
    for (const path of ["/api/health", "/api/version", "/api/events"]) {
      const get = doc.paths[path]?.get;
      expect(get, path).toBeDefined();
      expect(Object.keys(get?.responses ?? {})).toEqual(expect.arrayContaining(["200", "400", "500"]));
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["ErrorEnvelope", "Health", "Version", "EventPage", "AuditEvent"]),
    );
  });

  it("serves the interactive reference page pointing at the document", async () => {
    const res = await ctx.app.request("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<html/i);
    expect(html).toContain("/api/openapi.json");
  });
});
