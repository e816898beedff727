// The clusters pages end to end: the built API and web app, headless Chromium adding a cluster, a fake agent
// registering through the real API with the token the page showed, then a dry run followed in the deploy dialog.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./testing/browser";
import { type DesignsStack, signInForDevelopment, startDesignsStack } from "./testing/designs-stack";

const MANIFESTS = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  colour: blue
`;

type Registered = { agentId: string; connectionId: string; credential: string };

describe("the clusters pages", () => {
  let stack: DesignsStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let agent: Registered;

  beforeAll(async () => {
    stack = await startDesignsStack();
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  function showLogsOnFailure() {
    onTestFailed(() => console.error(`--- web\n${stack.web.output()}\n--- api\n${stack.api.output()}`));
  }

  /** The agent's side of the channel, spoken with fetch against the real API. */
  async function agentCall(path: string, body?: unknown, method = "POST"): Promise<Response> {
    return fetch(`${stack.api.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${agent.credential}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  it("creates a bootstrap token, shows it once inside the install commands, and lists the registered cluster as connected", async () => {
    showLogsOnFailure();
    await signInForDevelopment(
      page,
      stack.webUrl,
      `clusters-${crypto.randomUUID()}@example.test`,
      "/clusters",
    );
    await expect(page.getByRole("link", { name: "Clusters" }).first().isVisible()).resolves.toBe(true);
    await page.getByText("No clusters yet").waitFor();

    await page.getByLabel("Cluster name (optional)").fill("e2e-cluster");
    await page.getByRole("button", { name: "Add cluster" }).click();
    await page.getByTestId("install-instructions").waitFor();
    const token = (await page.getByTestId("bootstrap-token").textContent())?.trim() ?? "";
    expect(token).toMatch(/^\S{20,}$/);
    const helm = (await page.getByTestId("install-helm").textContent()) ?? "";
    expect(helm).toContain("helm install meshplane-agent oci://");
    expect(helm).toContain(`--set bootstrapToken='${token}'`);
    expect(helm).toContain(`--set meshplane.url='${stack.api.url}'`);
    const kubectl = (await page.getByTestId("install-kubectl").textContent()) ?? "";
    expect(kubectl).toContain("kubectl apply -f -");
    expect(kubectl).toContain(token);
    const expiry = await page.getByTestId("token-expiry").getAttribute("datetime");
    const minutesLeft = (Date.parse(expiry ?? "") - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(50);
    expect(minutesLeft).toBeLessThanOrEqual(61);

    // The agent's first start: trade the token for a credential, then a heartbeat.
    const registered = await fetch(`${stack.api.url}/api/agents/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        bootstrapToken: token,
        kubeSystemUid: crypto.randomUUID(),
        kubernetesVersion: "v1.34.1",
        nodeCount: 4,
        agentVersion: "0.1.0-e2e",
      }),
    });
    expect(registered.status).toBe(201);
    agent = (await registered.json()) as Registered;
    const beat = await agentCall("/api/agents/heartbeat", { agentVersion: "0.1.0-e2e", nodeCount: 5 });
    expect(beat.status).toBe(200);

    await page.goto(`${stack.webUrl}/clusters`);
    const row = page.getByTestId("cluster-row").filter({ hasText: "e2e-cluster" });
    await row.waitFor();
    expect(await row.getAttribute("data-status")).toBe("connected");
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("connected");
    expect(text).toContain("v1.34.1");
    expect(text).toContain("0.1.0-e2e");
    expect(text).toMatch(/just now|\d+ s ago/);
    expect(text).toContain("5");
    // Shown once: a fresh page has the form again and no token anywhere.
    expect(await page.content()).not.toContain(token);
    // The token was single use.
    const again = await fetch(`${stack.api.url}/api/agents/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        bootstrapToken: token,
        kubeSystemUid: crypto.randomUUID(),
        kubernetesVersion: "v1.34.1",
        nodeCount: 1,
        agentVersion: "0.1.0",
      }),
    });
    expect(again.status).toBe(401);
  });

  it("shows the cluster's page and its inventory page without failing", async () => {
    showLogsOnFailure();
    await page.getByRole("link", { name: "e2e-cluster" }).click();
    await page.waitForURL((url) => url.pathname === `/clusters/${agent.connectionId}`);
    expect(await page.getByTestId("cluster-name").textContent()).toBe("e2e-cluster");
    await page.getByText("No jobs yet").waitFor();
    await page.getByTestId("inventory-link").click();
    await page.waitForURL((url) => url.pathname.endsWith("/inventory"));
    await page.getByRole("heading", { name: "Inventory of e2e-cluster" }).waitFor();
    // Either the inventory answers (empty: the fake agent sent none) or the page says it has not arrived.
    const body = (await page.textContent("main")) ?? "";
    expect(body).toMatch(/No objects match|The inventory has not arrived yet/);
    // Another id: not found, not a crash.
    const missing = await page.goto(`${stack.webUrl}/clusters/${crypto.randomUUID()}`);
    expect(missing?.status()).toBe(404);
  });

  it("runs a dry run from the design page's deploy dialog and shows each object's outcome, conflicts included", async () => {
    showLogsOnFailure();
    const apiToken = await stack.apiToken(context);
    const orgs = (await (
      await fetch(`${stack.api.url}/api/identity/orgs?page=0&pagesize=10`, {
        headers: { authorization: `Bearer ${apiToken}` },
      })
    ).json()) as { organizations: { id: string }[] };
    const imported = await fetch(`${stack.api.url}/api/designs/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" },
      body: JSON.stringify({ orgId: orgs.organizations[0]?.id, content: MANIFESTS, name: "shop" }),
    });
    expect(imported.status).toBe(201);
    const designId = ((await imported.json()) as { design: { id: string } }).design.id;

    await page.goto(`${stack.webUrl}/designs/${designId}`);
    await page.getByTestId("open-deploy").click();
    await page.getByLabel("Cluster").waitFor();
    expect(await page.getByLabel("Cluster").inputValue()).toBe(agent.connectionId);
    await page.getByRole("radio", { name: /^Dry run/ }).check();
    await page.getByRole("button", { name: "Dry run", exact: true }).click();
    const progress = page.getByTestId("deploy-progress");
    await progress.waitFor();
    expect(await progress.getAttribute("data-outcome")).toBe("waiting");

    // The fake agent takes the job, acknowledges it and reports a conflict on one object.
    const polled = await agentCall("/api/agents/jobs?wait=5", undefined, "GET");
    expect(polled.status).toBe(200);
    const { jobs } = (await polled.json()) as { jobs: { id: string; kind: string }[] };
    const job = jobs.find((j) => j.kind === "dryRun");
    expect(job).toBeDefined();
    expect((await agentCall(`/api/agents/jobs/${job?.id}/ack`, {})).status).toBe(200);
    const reported = await agentCall(`/api/agents/jobs/${job?.id}/result`, {
      status: "failed",
      error: "1 of 2 objects failed",
      result: {
        designId,
        objects: [
          { apiVersion: "v1", kind: "Namespace", name: "shop", action: "unchanged" },
          {
            apiVersion: "v1",
            kind: "ConfigMap",
            namespace: "shop",
            name: "settings",
            action: "failed",
            error: {
              status: 409,
              reason: "Conflict",
              message: "Apply failed with 1 conflict",
              causes: [{ field: ".data.colour", message: 'conflict with "kubectl-edit"' }],
            },
          },
        ],
      },
    });
    expect(reported.status).toBe(200);

    await page.locator('[data-testid="deploy-progress"][data-outcome="failed"]').waitFor({ timeout: 15_000 });
    const rows = page.getByTestId("object-result");
    expect(await rows.count()).toBe(2);
    const conflict = (await rows.nth(1).textContent()) ?? "";
    expect(conflict).toContain("Conflict");
    expect(conflict).toContain(".data.colour");
    expect(conflict).toContain('conflict with "kubectl-edit"');
    expect((await rows.nth(0).textContent()) ?? "").toContain("unchanged");

    // The cluster's page lists the job with its outcome.
    await page.goto(`${stack.webUrl}/clusters/${agent.connectionId}`);
    const listed = page.getByTestId("cluster-job").first();
    expect(await listed.getAttribute("data-outcome")).toBe("failed");
  });

  it("revokes the agent from the clusters page; its credential is refused afterwards", async () => {
    showLogsOnFailure();
    await page.goto(`${stack.webUrl}/clusters`);
    await page.getByRole("button", { name: "Revoke the agent of e2e-cluster" }).click();
    await page.getByText("Agent revoked").waitFor();
    expect((await page.getByTestId("cluster-row").first().textContent()) ?? "").toContain("revoked");
    const refused = await agentCall("/api/agents/heartbeat", { agentVersion: "0.1.0-e2e" });
    expect(refused.status).toBe(401);
  });
});
