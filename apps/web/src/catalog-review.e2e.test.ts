// Publishing through review end to end: author, curator and anonymous visitor in headless Chromium, real API and web.
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./testing/browser";
import { type DesignsStack, signInForDevelopment, startDesignsStack } from "./testing/designs-stack";

const manifests = readFileSync(
  new URL("../../../packages/design/src/fixtures/three-tier.yaml", import.meta.url),
  "utf8",
);

describe("publishing to the catalog through review", () => {
  const curatorEmail = `curator-${crypto.randomUUID()}@example.test`;
  const designName = `review-shop-${crypto.randomUUID().slice(0, 8)}`;
  let stack: DesignsStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startDesignsStack({ apiEnv: { MESHPLANE_PROVIDER_ADMINS: curatorEmail } });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const signedIn = async (email: string, path: string): Promise<[BrowserContext, Page]> => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInForDevelopment(page, stack.webUrl, email, path);
    return [context, page];
  };
  const requestStatus = (page: Page) => page.getByTestId("publication-request-status").textContent();
  const searchAnonymously = async (page: Page) => {
    await page.goto(`${stack.webUrl}/catalog?search=${encodeURIComponent(designName)}`);
    return page.getByTestId("catalog-entry").allTextContents();
  };

  it("walks request, deny with a reason, edit, request again, approve, browse anonymously, unpublish", async () => {
    // The author imports a design and opens its publish page from the design page.
    const [authorContext, author] = await signedIn(`author-${crypto.randomUUID()}@example.test`, "/designs");
    await author.goto(`${stack.webUrl}/designs/import`);
    await author.getByLabel("Paste text").check();
    await author.getByLabel("Design, manifests or Compose file").fill(manifests);
    await author.getByLabel(/^Name/).fill(designName);
    await author.getByRole("button", { name: "Import", exact: true }).click();
    await author.waitForURL(/\/designs\/[0-9a-f-]{36}$/);
    const designUrl = author.url();
    await author.getByRole("link", { name: "Publish to the catalog" }).click();
    await author.waitForURL(`${designUrl}/publish`);
    expect(await author.getByTestId("publication-status").textContent()).toContain("Not in the catalog");
    // Someone without the role sees neither the link nor the queue.
    expect(await author.getByRole("link", { name: "Review", exact: true }).count()).toBe(0);

    // The API's refusal lands on the field it names, and what was typed stays.
    const requestForm = author.getByRole("form", { name: "Request publication" });
    await requestForm.getByLabel("Type").selectOption("Workloads");
    await requestForm.getByLabel("Technology").fill("   ");
    await requestForm.getByLabel("Caveats").fill("Needs an ingress controller");
    await requestForm.getByRole("button", { name: "Ask the curators to publish" }).click();
    const technologyError = requestForm.locator("#request-technology-error");
    await technologyError.waitFor();
    expect(await technologyError.textContent()).toMatch(/Too small/);
    expect(await requestForm.getByLabel("Caveats").inputValue()).toBe("Needs an ingress controller");
    await requestForm.getByLabel("Technology").fill("kubernetes");
    await requestForm.getByRole("button", { name: "Ask the curators to publish" }).click();
    await author.waitForURL(/done=requested/);
    expect(await requestStatus(author)).toBe("Waiting for a curator");

    await author.goto(`${stack.webUrl}/catalog/review`);
    expect(await author.getByTestId("review-not-allowed").textContent()).toContain("Not allowed");

    // The curator finds it in the queue, drawn as a graph with its components, and denies it.
    const [curatorContext, curator] = await signedIn(curatorEmail, "/designs");
    await curator.getByRole("link", { name: "Review", exact: true }).click();
    await curator.waitForURL(/\/catalog\/review$/);
    const item = curator.getByTestId("review-item").filter({ hasText: designName });
    await item.locator(".react-flow__node").first().waitFor();
    expect(await item.locator(".react-flow__node").count()).toBeGreaterThan(1);
    expect(await item.textContent()).toContain("StatefulSet");
    expect(await item.textContent()).toContain("Needs an ingress controller");
    await item.getByLabel("Reason for the author").fill("Say where the database's backups go");
    await item.getByRole("button", { name: "Deny" }).click();
    await curator.waitForURL(/done=denied/);
    expect(await curator.getByTestId("review-item").filter({ hasText: designName }).count()).toBe(0);

    // The author reads the reason, edits the fields and asks again.
    await author.goto(`${designUrl}/publish`);
    expect(await requestStatus(author)).toBe("Denied");
    expect(await author.getByTestId("publication-reason").textContent()).toContain(
      "Say where the database's backups go",
    );
    const again = author.getByRole("form", { name: "Request publication" });
    expect(await again.getByLabel("Type").inputValue()).toBe("Workloads");
    await again.getByLabel("Caveats").fill("Backups go to the cluster's default storage class");
    await again.getByRole("button", { name: "Ask the curators to publish" }).click();
    await author.waitForURL(/done=requested/);
    expect(await requestStatus(author)).toBe("Waiting for a curator");

    // This time the curator approves.
    await curator.goto(`${stack.webUrl}/catalog/review`);
    const second = curator.getByTestId("review-item").filter({ hasText: designName });
    expect(await second.textContent()).toContain("Backups go to the cluster's default storage class");
    await second.getByRole("button", { name: "Approve and publish" }).click();
    await curator.waitForURL(/done=approved/);

    // Anyone finds it without an account.
    const anonymousContext = await browser.newContext();
    const visitor = await anonymousContext.newPage();
    expect(await searchAnonymously(visitor)).toEqual([expect.stringContaining(designName)]);
    await visitor.getByTestId("catalog-entry").first().getByRole("link").click();
    await visitor.waitForURL(/\/catalog\/[0-9a-f-]{36}$/);
    const entryUrl = visitor.url();
    expect(await visitor.textContent("body")).toContain("Backups go to the cluster's default storage class");

    // The author edits the published entry's fields; the public page shows the edit.
    await author.goto(`${designUrl}/publish`);
    expect(await requestStatus(author)).toBe("Approved");
    expect(await author.getByRole("heading", { name: "Up to date" }).count()).toBe(1);
    const edit = author.getByRole("form", { name: "Edit the catalog fields" });
    await edit.getByLabel("Caveats").fill("Tested on Kubernetes 1.30");
    await edit.getByRole("button", { name: "Save the catalog fields" }).click();
    await author.waitForURL(/done=edited/);
    await visitor.goto(entryUrl);
    expect(await visitor.textContent("body")).toContain("Tested on Kubernetes 1.30");

    // The author unpublishes: gone from search and from its own address.
    await author.getByText("Unpublish…").click();
    await author.getByRole("button", { name: /Yes, unpublish/ }).click();
    await author.waitForURL(/done=unpublished/);
    expect(await author.getByTestId("publication-status").textContent()).toContain("Not in the catalog");
    expect(await searchAnonymously(visitor)).toEqual([]);
    expect(await visitor.getByTestId("catalog-count").textContent()).toBe("0 designs");
    const gone = await visitor.goto(entryUrl);
    expect(gone?.status()).toBe(404);

    await Promise.all([authorContext.close(), curatorContext.close(), anonymousContext.close()]);
  }, 120_000);
});
