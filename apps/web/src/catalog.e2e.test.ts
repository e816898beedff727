// The public catalog end to end: the built API (which seeds the catalog) and web app, in headless Chromium.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./testing/browser";
import { type DesignsStack, signInForDevelopment, startDesignsStack } from "./testing/designs-stack";

describe("the public catalog", () => {
  let stack: DesignsStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startDesignsStack();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const countOn = async (page: Page) =>
    Number(/\d+/.exec((await page.getByTestId("catalog-count").textContent()) ?? "")?.[0]);

  it("is browsed, searched, filtered and opened without an account, then cloned into a workspace after sign-in", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/catalog`);
    const all = await countOn(page);
    expect(all).toBeGreaterThanOrEqual(15);

    await page.getByLabel("Search the catalog").fill("redis");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL((url) => url.searchParams.get("search") === "redis");
    expect(await page.getByTestId("catalog-entry").allTextContents()).toEqual([
      expect.stringContaining("Redis cache"),
    ]);

    await page.goto(`${stack.webUrl}/catalog`);
    await page.locator('a[data-facet="type"]', { hasText: "Security" }).click();
    await page.waitForURL((url) => url.searchParams.get("type") === "Security");
    const security = await countOn(page);
    expect(security).toBeGreaterThan(0);
    expect(security).toBeLessThan(all);
    for (const card of await page.getByTestId("catalog-entry").all())
      expect(await card.textContent()).toContain("Security");

    await page.getByTestId("catalog-entry").first().getByRole("link").click();
    await page.waitForURL(/\/catalog\/[0-9a-f-]{36}$/);
    const name = (await page.getByTestId("entry-name").textContent()) ?? "";
    await page.locator(".react-flow__node").first().waitFor();
    expect(await page.locator(".react-flow__node").count()).toBeGreaterThan(1);
    await expect(page.getByRole("link", { name: "Sign in" }).last().isVisible()).resolves.toBe(true);
    const entryPath = new URL(page.url()).pathname;

    // Signed in, with a workspace to clone into.
    await signInForDevelopment(page, stack.webUrl, `cloner-${crypto.randomUUID()}@example.test`, entryPath);
    const token = await stack.apiToken(context);
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const profile = (await (
      await fetch(`${stack.api.url}/api/identity/users/profile`, { headers })
    ).json()) as {
      organizations: { organizationsWithRoles: { id: string }[] };
    };
    const orgId = profile.organizations.organizationsWithRoles[0]?.id ?? "";
    const workspace = (await (
      await fetch(`${stack.api.url}/api/workspaces`, {
        method: "POST",
        headers,
        body: JSON.stringify({ organizationId: orgId, name: "from-catalog" }),
      })
    ).json()) as { id: string };
    await page.reload();
    await page.getByLabel("Workspace").selectOption(workspace.id);
    await page.getByRole("button", { name: "Clone", exact: true }).click();
    await page.waitForURL(/\/designs\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId("design-name").textContent()).toBe(name);
    const inWorkspace = (await (
      await fetch(`${stack.api.url}/api/designs?orgId=${orgId}&workspaceId=${workspace.id}`, { headers })
    ).json()) as { designs: { name: string }[] };
    expect(inWorkspace.designs.map((d) => d.name)).toEqual([name]);

    // "Clone and deploy" lands on the copy with the deploy dialog open; with no cluster yet, it says so.
    await page.goto(`${stack.webUrl}${entryPath}`);
    await page.getByTestId("clone-and-deploy").click();
    await page.waitForURL(/\/designs\/[0-9a-f-]{36}\?deploy=1$/);
    await page.getByTestId("no-clusters").waitFor();
    expect(await page.locator("dialog.deploy-dialog").getAttribute("open")).not.toBeNull();
    await context.close();
  });
});
