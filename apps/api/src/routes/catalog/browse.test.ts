import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";

describe("browsing the public catalog", () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it("answers the same page gzipped to clients that accept it, and plain to others", async () => {
    const path = `/api/catalog/designs?search=${crypto.randomUUID()}`;
    const plain = await ctx.app.request(path);
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toBe("Accept-Encoding");
    const text = await plain.text();
    expect(JSON.parse(text)).toMatchObject({ entries: [], totalCount: 0, page: 0, pageSize: 24 });

    // Twice, so the second answer comes from the cached compression.
    for (let i = 0; i < 2; i++) {
      const zipped = await ctx.app.request(path, { headers: { "accept-encoding": "br, gzip;q=0.8" } });
      expect(zipped.headers.get("content-encoding")).toBe("gzip");
      expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString("utf8")).toBe(text);
    }
  });

  it("refuses malformed queries with the error envelope", async () => {
    const many = Array.from({ length: 21 }, (_, i) => `type=t${i}`).join("&");
    for (const query of [
      "pagesize=0",
      "pagesize=101",
      "page=-1",
      "page=abc",
      "sort=oldest",
      `search=${"x".repeat(201)}`,
      many,
    ]) {
      const response = await ctx.app.request(`/api/catalog/designs?${query}`, {
        headers: { "accept-encoding": "gzip" },
      });
      expect([query.slice(0, 20), response.status]).toEqual([query.slice(0, 20), 400]);
      expect(((await response.json()) as ErrorBody).error.code).toBe("BAD_REQUEST");
    }
  });
});
