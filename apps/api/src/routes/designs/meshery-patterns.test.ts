import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";

const exported = readFileSync(
  new URL("../../../../../packages/design/src/fixtures/meshery-exported-design.yaml", import.meta.url),
  "utf8",
);

type Pattern = { id: string; name: string; pattern_file: string };

describe("Meshery's persist-meshery-patterns", () => {
  let ctx: TestApp;
  let user: SignedIn;
  const call = (method: string, path: string, body?: unknown) =>
    ctx.app.request(path, {
      method,
      headers: { ...bearer(user.jwt), ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  beforeAll(async () => {
    ctx = await createTestApp();
    user = await signIn(ctx);
  });
  afterAll(() => ctx.close());

  it("saves a design Meshery exported, lists it, reads it back evaluated, saves a new revision, deletes it", async () => {
    const saved = await call("POST", "/api/content/patterns", {
      pattern_data: { pattern_file: exported },
      save: true,
    });
    expect(saved.status).toBe(200);
    const [pattern] = ((await saved.json()) as { patterns: Pattern[] }).patterns;
    if (!pattern) throw new Error("nothing saved");
    const list = (await (await call("GET", "/api/content/patterns?page=0&pagesize=10")).json()) as {
      total_count: number;
      patterns: Pattern[];
    };
    expect(list.total_count).toBe(1);
    expect(list.patterns[0]?.id).toBe(pattern.id);
    const read = (await (await call("GET", `/api/content/patterns/${pattern.id}`)).json()) as Pattern;
    const design = parse(read.pattern_file) as { components: unknown[]; relationships: unknown[] };
    expect(design.components.length).toBeGreaterThan(0);

    const renamed = await call("POST", "/api/content/patterns", {
      pattern_data: { id: pattern.id, name: "renamed in meshery", pattern_file: read.pattern_file },
      save: true,
    });
    expect(((await renamed.json()) as { patterns: Pattern[] }).patterns[0]?.name).toBe("renamed in meshery");
    const revisions = (await (
      await call("GET", `/api/designs/${pattern.id}/revisions?orgId=${user.personalOrgId}`)
    ).json()) as {
      revisions: unknown[];
    };
    expect(revisions.revisions).toHaveLength(2);
    expect((await call("DELETE", `/api/content/patterns/${pattern.id}`)).status).toBe(200);
    expect((await call("GET", `/api/content/patterns/${pattern.id}`)).status).toBe(404);
  });

  it("answers broken YAML and a non-design with 422", async () => {
    for (const pattern_file of ["a: [unclosed", "just: a map"]) {
      const response = await call("POST", "/api/content/patterns", {
        pattern_data: { pattern_file },
        save: true,
      });
      expect(response.status).toBe(422);
      expect(((await response.json()) as ErrorBody).error.code).toBe("UNPROCESSABLE_ENTITY");
    }
  });
});
