// The registry's public pages end to end: the built API (which seeds the Kubernetes model) and web app, in Chromium.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./testing/browser";
import { type DesignsStack, signInForDevelopment, startDesignsStack } from "./testing/designs-stack";

describe("the registry's public pages", () => {
  let stack: DesignsStack;
  let browser: Browser;
  const curatorEmail = `curator-${crypto.randomUUID()}@example.test`;

  beforeAll(async () => {
    stack = await startDesignsStack({ apiEnv: { MESHPLANE_PROVIDER_ADMINS: curatorEmail } });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("browses models anonymously, searches a kind, and reads Deployment's fields", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/catalog`);
    await page.getByRole("link", { name: "Models", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/catalog/models");
    const models = Number(/\d+/.exec((await page.getByTestId("models-count").textContent()) ?? "")?.[0]);
    expect(models).toBeGreaterThanOrEqual(1);

    await page.getByLabel("Search models").fill("kube");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "kube");
    const cards = await page.getByTestId("model-card").allTextContents();
    expect(cards).toEqual([expect.stringMatching(/Kubernetes.*\d+ components.*\d+ relationships/)]);

    await page.getByTestId("model-card").getByRole("link", { name: "Kubernetes" }).click();
    await page.waitForURL((url) => url.pathname === "/catalog/models/kubernetes");
    expect(await page.getByTestId("model-name").textContent()).toBe("Kubernetes");
    const all = Number(/\d+/.exec((await page.getByTestId("components-count").textContent()) ?? "")?.[0]);
    expect(all).toBeGreaterThan(50);
    // Fifty to a page: the second page exists and lists other kinds.
    const firstPage = await page.getByTestId("component-row").allTextContents();
    expect(firstPage).toHaveLength(50);
    await page.getByRole("link", { name: "Next →" }).click();
    await page.waitForURL((url) => url.searchParams.get("page") === "1");
    const secondPage = await page.getByTestId("component-row").allTextContents();
    expect(secondPage.length).toBe(all - 50);
    expect(secondPage).not.toContain(firstPage[0]);

    await page.getByLabel("Search components").fill("Deployment");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "Deployment");
    const rows = page.getByTestId("component-row");
    expect(await rows.count()).toBe(1);
    await rows.getByRole("link", { name: "Deployment" }).click();
    await page.waitForURL(/\/catalog\/models\/kubernetes\/components\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId("component-kind").textContent()).toBe("Deployment");

    const replicas = page.locator('[data-path="spec.replicas"]');
    await replicas.waitFor();
    expect(await replicas.isVisible()).toBe(true);
    const replicasText = (await replicas.textContent()) ?? "";
    expect(replicasText).toContain("replicas");
    expect(replicasText).toContain("integer");
    expect(replicasText).toMatch(/Number of desired pods/);
    expect(await page.locator('[data-path="spec.selector"] .field-required').first().textContent()).toBe(
      "required",
    );

    // Nested objects start folded; a deeper object opens on its own page, with the path to climb back.
    expect(await page.locator('[data-path="metadata"] > details').getAttribute("open")).toBeNull();
    const template = page.locator('[data-path="spec.template"] > details');
    expect(await template.getAttribute("open")).toBeNull();
    await template.locator("> summary").click();
    await page.getByRole("link", { name: "Open the fields of spec.template.spec" }).click();
    await page.waitForURL((url) => url.searchParams.get("at") === "spec.template.spec");
    await page.locator('[data-path="spec.template.spec.containers[].image"]').waitFor();
    expect(await page.getByTestId("field-path").textContent()).toContain("template");
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it("answers unknown models and components with the not-found page", async () => {
    const page = await browser.newPage();
    for (const path of [
      "/catalog/models/no-such-model",
      `/catalog/models/kubernetes/components/${crypto.randomUUID()}`,
      "/catalog/models/kubernetes/components/not-a-uuid",
      "/catalog/models/%2E%2E%2Fetc",
    ]) {
      const response = await page.goto(`${stack.webUrl}${path}`);
      expect(response?.status(), path).toBe(404);
    }
    await page.close();
  });

  it("shows a signed-in member the models found in their clusters' CRDs, and nobody else", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInForDevelopment(
      page,
      stack.webUrl,
      `crd-owner-${crypto.randomUUID()}@example.test`,
      "/dashboard",
    );
    const headers = {
      authorization: `Bearer ${await stack.apiToken(context)}`,
      "content-type": "application/json",
    };
    const profile = (await (
      await fetch(`${stack.api.url}/api/identity/users/profile`, { headers })
    ).json()) as {
      organizations: { organizationsWithRoles: { id: string }[] };
    };
    const orgId = profile.organizations.organizationsWithRoles[0]?.id ?? "";

    // A cluster's agent registers with a bootstrap token and reports one CRD in its inventory.
    const bootstrap = await fetch(`${stack.api.url}/api/agents/bootstrap-tokens`, {
      method: "POST",
      headers,
      body: JSON.stringify({ orgId }),
    });
    expect(bootstrap.status).toBe(201);
    const registered = await fetch(`${stack.api.url}/api/agents/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        bootstrapToken: ((await bootstrap.json()) as { token: string }).token,
        kubeSystemUid: crypto.randomUUID(),
        kubernetesVersion: "v1.34.1",
        nodeCount: 1,
        agentVersion: "0.1.0-e2e",
      }),
    });
    expect(registered.status).toBe(201);
    const { credential } = (await registered.json()) as { credential: string };
    const group = `widgets-${crypto.randomUUID().slice(0, 8)}.example.com`;
    const crd = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: `widgets.${group}`, uid: crypto.randomUUID(), generation: 1 },
      spec: {
        group,
        scope: "Namespaced",
        names: { plural: "widgets", kind: "Widget" },
        versions: [
          {
            name: "v1",
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object" } } } },
          },
        ],
      },
    };
    const reported = await fetch(`${stack.api.url}/api/agents/inventory`, {
      method: "POST",
      headers: { authorization: `Bearer ${credential}`, "content-type": "application/json" },
      body: JSON.stringify({
        deltas: [
          {
            op: "upsert",
            uid: crd.metadata.uid,
            apiVersion: crd.apiVersion,
            kind: crd.kind,
            name: crd.metadata.name,
            resourceVersion: "1",
            generation: 1,
            object: crd,
          },
        ],
      }),
    });
    expect(reported.status).toBeLessThan(300);

    const modelName = group.replaceAll(".", "-");
    await page.goto(`${stack.webUrl}/catalog/models?q=${encodeURIComponent(modelName)}`);
    const card = page.getByTestId("model-card");
    await card.getByTestId("discovered-model").waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.textContent()).toContain(group);

    // Anonymous visitors, and the shared registry, never see it.
    const anonymous = await browser.newContext();
    const stranger = await anonymous.newPage();
    await stranger.goto(`${stack.webUrl}/catalog/models?q=${encodeURIComponent(modelName)}`);
    expect(await stranger.getByTestId("models-count").textContent()).toMatch(/^0 models/);
    await anonymous.close();
    await context.close();
  });

  it("lets a curator upload a model on the web, shows the API's reason for a bad file, and refuses others", async () => {
    const name = `probe-${crypto.randomUUID().slice(0, 8)}`;
    const component = (kind: string) => ({
      schemaVersion: "components.meshery.io/v1beta1",
      displayName: kind,
      format: "JSON",
      model: { name },
      component: {
        version: "probe.example.com/v1",
        kind,
        schema: JSON.stringify({ type: "object", properties: { spec: { type: "object" } } }),
      },
    });
    const document = {
      model: {
        schemaVersion: "models.meshery.io/v1beta1",
        name,
        version: "v1.2.0",
        displayName: "Probe Mesh",
        description: "Uploaded from the web",
        category: { name: "Cloud Native Network" },
        model: { version: "v1.2.0" },
      },
      components: [component("Gateway"), component("Route")],
      relationships: [],
    };

    const curatorContext = await browser.newContext();
    const curator = await curatorContext.newPage();
    await signInForDevelopment(curator, stack.webUrl, curatorEmail, "/catalog/import");
    const file = curator.getByLabel("Model file");
    // A file that is no model: the API's reason comes back, naming the file.
    await file.setInputFiles({
      name: "notes.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ hello: "world" })),
    });
    await curator.getByRole("button", { name: "Import" }).click();
    await curator.getByTestId("import-error").waitFor();
    expect(await curator.getByTestId("import-error").textContent()).toMatch(/^notes\.json: /);
    // A name the API does not take is refused before it is sent.
    await file.setInputFiles({ name: "model.zip", mimeType: "application/zip", buffer: Buffer.from("PK") });
    await curator.getByRole("button", { name: "Import" }).click();
    await curator.waitForURL((url) => url.searchParams.get("error")?.startsWith("model.zip") ?? false);

    await file.setInputFiles({
      name: `${name}.json`,
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(document)),
    });
    await curator.getByRole("button", { name: "Import" }).click();
    await curator.waitForURL((url) => url.pathname === `/catalog/models/${name}`);
    expect(await curator.getByTestId("model-notice").textContent()).toBe(
      "Imported Probe Mesh v1.2.0: 2 components, 0 relationships.",
    );
    expect(await curator.getByTestId("model-name").textContent()).toBe("Probe Mesh");
    expect((await curator.getByTestId("component-row").allTextContents()).join(" ")).toMatch(
      /Gateway.*Route|Route.*Gateway/,
    );
    await curatorContext.close();

    // Anyone else is told plainly, and the model is public to anonymous visitors.
    const memberContext = await browser.newContext();
    const member = await memberContext.newPage();
    await signInForDevelopment(
      member,
      stack.webUrl,
      `member-${crypto.randomUUID()}@example.test`,
      "/catalog/import",
    );
    expect(await member.getByTestId("import-not-allowed").textContent()).toMatch(
      /needs the Curator or Provider Admin role/,
    );
    expect(await member.getByLabel("Model file").count()).toBe(0);
    await memberContext.close();
    const anonymous = await browser.newContext();
    const visitor = await anonymous.newPage();
    await visitor.goto(`${stack.webUrl}/catalog/models/${name}`);
    expect(await visitor.getByTestId("model-name").textContent()).toBe("Probe Mesh");
    await anonymous.close();
  }, 120_000);
});
