import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
// @ts-expect-error: a plain .mjs script without types; the test only calls its one pure function.
import { agentManifestModule } from "../../../scripts/generate-agent-manifest.mjs";
import { createTestApp, type TestApp, testAuthConfig } from "../../testing/app";

describe("GET /api/agents/install/manifest.yaml", () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp({ auth: testAuthConfig() });
  });
  afterAll(() => ctx.close());

  it("is the agent's manifest, as generated from apps/agent/deploy/manifest.yaml", () => {
    const source = readFileSync(new URL("../../../../agent/deploy/manifest.yaml", import.meta.url), "utf8");
    const generated = readFileSync(new URL("./generated/agent-manifest.ts", import.meta.url), "utf8");
    // Regenerate with: node apps/api/scripts/generate-agent-manifest.mjs
    expect(generated).toBe(agentManifestModule(source));
  });

  it("answers the manifest pointed at this API, with only the token left to fill in", async () => {
    const response = await ctx.app.request("/api/agents/install/manifest.yaml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/yaml/);
    const text = await response.text();
    expect(text).not.toContain("REPLACE_WITH_MESHPLANE_URL");
    expect(text).toContain("REPLACE_WITH_BOOTSTRAP_TOKEN");

    const documents = parseAllDocuments(text).map((document) => document.toJSON());
    const kinds = documents.map((document) => document.kind);
    expect(kinds).toContain("Deployment");
    expect(kinds).toContain("Namespace");
    const deployment = documents.find((document) => document.kind === "Deployment");
    const env = deployment.spec.template.spec.containers[0].env as { name: string; value?: string }[];
    expect(env.find((entry) => entry.name === "MESHPLANE_URL")?.value).toBe(testAuthConfig().publicUrl);
  });
});
