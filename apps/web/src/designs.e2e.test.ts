// The design pages end to end: the built API and web app, headless Chromium importing, drawing, diffing, restoring.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./testing/browser";
import { type DesignsStack, signInForDevelopment, startDesignsStack } from "./testing/designs-stack";

const threeTier = readFileSync(
  new URL("../../../packages/design/src/fixtures/three-tier.yaml", import.meta.url),
  "utf8",
);
const composeFixture = fileURLToPath(
  new URL("../../../packages/design/src/fixtures/shop-compose.yaml", import.meta.url),
);
// Line 5 opens a flow sequence that never closes: the parser reports the line it gave up on.
const brokenYaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\n  labels: [unclosed\n";

type StoredDesign = {
  id: string;
  name: string;
  revision: number;
  design: {
    components: {
      id: string;
      displayName: string;
      component: { kind: string };
      configuration: Record<string, unknown>;
    }[];
    relationships: { subType: string }[];
  };
};

describe("the design pages", () => {
  let stack: DesignsStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startDesignsStack();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  function showLogsOnFailure() {
    onTestFailed(() => console.error(`--- web\n${stack.web.output()}\n--- api\n${stack.api.output()}`));
  }

  /** The API's view of a design, with the user's own token: what the pages are checked against. */
  async function apiDesign(token: string, id: string): Promise<StoredDesign> {
    const orgId = await personalOrgId(token);
    const answer = await fetch(`${stack.api.url}/api/designs/${id}?orgId=${orgId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);
    return (await answer.json()) as StoredDesign;
  }

  async function personalOrgId(token: string): Promise<string> {
    const answer = await fetch(`${stack.api.url}/api/identity/orgs?page=0&pagesize=10`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await answer.json()) as { organizations: { id: string }[] };
    const orgId = body.organizations[0]?.id;
    if (!orgId) throw new Error("the user has no organization");
    return orgId;
  }

  async function importByPasting(page: Page, text: string, name?: string): Promise<void> {
    await page.goto(`${stack.webUrl}/designs/import`);
    await page.getByLabel("Paste text").check();
    await page.getByLabel("Design, manifests or Compose file").fill(text);
    if (name) await page.getByLabel(/^Name/).fill(name);
    await page.getByRole("button", { name: "Import", exact: true }).click();
  }

  it("imports pasted manifests, draws every component and relationship, renames, exports and deletes", async () => {
    showLogsOnFailure();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signInForDevelopment(page, stack.webUrl, "ada@designs.example", "/designs");
    expect(await page.getByText("No designs yet").count()).toBe(1);

    await importByPasting(page, threeTier, "three-tier");
    await page.waitForURL(/\/designs\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split("/").pop() ?? "";
    const token = await stack.apiToken(context);
    const stored = await apiDesign(token, id);
    expect(stored.design.components.length).toBeGreaterThan(15);
    expect(await page.getByTestId("design-name").textContent()).toBe("three-tier");

    // One node per component (Namespaces are boxes, Containers chips in their workload's card); one edge
    // per relationship that nesting does not already show.
    const graph = page.getByTestId("design-graph");
    await graph.locator(".react-flow__edge").first().waitFor();
    expect(await graph.locator(".react-flow__node").count()).toBe(stored.design.components.length);
    expect(await graph.locator(".react-flow__node-namespace").count()).toBe(
      stored.design.components.filter((c) => c.component.kind === "Namespace").length,
    );
    const drawnRelationships = stored.design.relationships.filter(
      (r) => r.subType !== "inventory" && r.subType !== "alias",
    );
    expect(drawnRelationships.length).toBeGreaterThan(5);
    expect(await graph.locator(".react-flow__edge").count()).toBe(drawnRelationships.length);
    expect(await graph.locator(".react-flow__edge.design-edge-network").count()).toBeGreaterThan(0);
    expect(await graph.locator(".react-flow__edge.design-edge-binding").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("component-row").count()).toBe(stored.design.components.length);
    expect(await page.getByTestId("relationship-row").count()).toBe(stored.design.relationships.length);
    await page.screenshot({ path: "/tmp/design-page.png", fullPage: true });

    await page.getByLabel("Name", { exact: true }).fill("shop, three tiers");
    await page.getByRole("button", { name: "Rename", exact: true }).click();
    await page.getByTestId("design-name").filter({ hasText: "shop, three tiers" }).waitFor();
    expect((await apiDesign(token, id)).name).toBe("shop, three tiers");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Kubernetes manifests" }).click();
    expect((await download).suggestedFilename()).toBe("shop-three-tiers.manifests.yaml");
    const manifests = await context.request.get(`${stack.webUrl}/designs/${id}/export?format=manifests`);
    expect(manifests.status()).toBe(200);
    expect(manifests.headers()["content-type"]).toContain("application/yaml");
    expect((await manifests.text()).match(/^kind: (\S+)$/m)?.[1]).toBe("Namespace");
    const exported = await context.request.get(`${stack.webUrl}/designs/${id}/export?format=design`);
    expect(await exported.text()).toContain("schemaVersion: designs.meshery.io/v1beta1");

    await page.goto(`${stack.webUrl}/designs?search=three`);
    expect(await page.getByTestId("design-row").textContent()).toContain("shop, three tiers");
    await page.goto(`${stack.webUrl}/designs?search=nothing-like-it`);
    expect(await page.getByTestId("design-row").count()).toBe(0);

    await page.goto(`${stack.webUrl}/designs/${id}`);
    await page.getByText("Delete this design…").click();
    await page.getByRole("button", { name: "Yes, delete “shop, three tiers”" }).click();
    await page.waitForURL(`${stack.webUrl}/designs`);
    expect(await page.getByTestId("design-row").count()).toBe(0);
    const gone = await fetch(`${stack.api.url}/api/designs/${id}?orgId=${await personalOrgId(token)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(gone.status).toBe(404);
    await context.close();
  }, 180_000);

  it("shows the importer's error with the line it stopped at, and keeps nothing", async () => {
    showLogsOnFailure();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInForDevelopment(page, stack.webUrl, "grace@designs.example", "/designs/import");
    await importByPasting(page, brokenYaml);
    const error = page.getByTestId("import-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Import failed\..*line \d+: the file is not valid YAML/s);
    expect(new URL(page.url()).pathname).toBe("/designs/import");
    // The refused text stays in the form, to be fixed rather than pasted again.
    expect(await page.getByLabel("Design, manifests or Compose file").inputValue()).toBe(brokenYaml);
    await page.goto(`${stack.webUrl}/designs`);
    expect(await page.getByTestId("design-row").count()).toBe(0);
    await context.close();
  }, 120_000);

  it("uploads a Compose file, lists the importer's warnings with their lines, then opens the design", async () => {
    showLogsOnFailure();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInForDevelopment(page, stack.webUrl, "barbara@designs.example", "/designs/import");
    await page.locator("input[type=file]").setInputFiles(composeFixture);
    // The button stays disabled until the browser has read the file; click waits for it to be enabled.
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const warnings = page.getByTestId("import-warnings");
    await warnings.waitFor();
    const text = (await warnings.textContent()) ?? "";
    expect(text).toContain("(docker-compose)");
    expect(text).toMatch(/line \d+: config nginx_conf reads \.\/nginx\/default\.conf/);
    await page.getByRole("link", { name: "Open the design" }).click();
    await page.waitForURL(/\/designs\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId("design-name").textContent()).toBe("shop");
    // The graph draws after hydration: wait for its first node before counting.
    await page.locator(".react-flow__node").first().waitFor();
    expect(await page.locator(".react-flow__node").count()).toBeGreaterThan(5);
    await context.close();
  }, 120_000);

  it("diffs two revisions field by field and restores the first", async () => {
    showLogsOnFailure();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInForDevelopment(page, stack.webUrl, "linus@designs.example", "/designs/import");
    await importByPasting(page, threeTier);
    await page.waitForURL(/\/designs\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split("/").pop() ?? "";
    const token = await stack.apiToken(context);
    const orgId = await personalOrgId(token);

    // Editing is not in the pages yet: the second revision is saved through the API.
    const first = await apiDesign(token, id);
    const web = first.design.components.find(
      (c) => c.component.kind === "Deployment" && c.displayName === "web",
    );
    if (!web) throw new Error("the fixture has no web Deployment");
    (web.configuration.spec as { replicas: number }).replicas = 5;
    const saved = await fetch(`${stack.api.url}/api/designs/${id}?orgId=${orgId}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ design: first.design, message: "Scale web to five" }),
    });
    expect(saved.status).toBe(200);

    await page.goto(`${stack.webUrl}/designs/${id}/history`);
    expect(await page.getByTestId("revision-row").count()).toBe(2);
    expect(await page.getByTestId("revision-row").first().textContent()).toContain("Scale web to five");
    await page.getByLabel("Compare from revision 1").check();
    await page.getByLabel("Compare to revision 2").check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    const changed = page.getByTestId("changed-component");
    await changed.first().waitFor();
    expect(await changed.count()).toBe(1);
    const change = (await changed.textContent()) ?? "";
    expect(change).toContain("Deployment web");
    expect(change).toMatch(/configuration\.spec\.replicas\s*2\s*5/);

    await page.getByText("Restore…").click();
    await page.getByRole("button", { name: "Restore revision 1" }).click();
    await page.getByText("Restored revision 1 as revision 3.").waitFor();
    expect(await page.getByTestId("revision-row").count()).toBe(3);
    const restored = await apiDesign(token, id);
    expect(restored.revision).toBe(3);
    const restoredWeb = restored.design.components.find((c) => c.id === web.id);
    expect((restoredWeb?.configuration.spec as { replicas?: number } | undefined)?.replicas).toBe(2);
    await context.close();
  }, 180_000);
});
