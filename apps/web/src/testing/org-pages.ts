// What the organisation e2e test does in the browser: signing in by email, and the admin pages' forms.
import type { Locator, Page } from "playwright-core";

/** From any page that needs a session, through the development sign-in form, back to where it was going. */
export async function signInByEmail(page: Page, email: string, name: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === "/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Sign in for development" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}

/** The option the organisation switcher shows as chosen. */
export async function selectedOrganizationName(page: Page): Promise<string> {
  const select = page.getByRole("form", { name: "Organization", exact: true }).getByLabel("Organization");
  return (await select.locator("option:checked").textContent())?.trim() ?? "";
}

export async function createOrganization(page: Page, name: string): Promise<void> {
  await page.getByText("New organization…").click();
  await page.getByLabel("New organization").fill(name);
  await page
    .getByRole("form", { name: "Create an organization" })
    .getByRole("button", { name: "Create" })
    .click();
  // The action redirects back in place; the switcher then shows the new organisation as chosen.
  await page.locator('select[name="orgId"] option:checked', { hasText: name }).waitFor({ state: "attached" });
}

/**
 * Clicks a button of an admin form and returns the notice or error its action left at the top of the page.
 * Every action redirects to its page with a new `notice` or `error` in the query, so the URL tells it is done.
 */
export async function outcomeOfClick(page: Page, button: Locator): Promise<string> {
  const before = page.url();
  await button.click();
  await page.waitForURL((url) => url.toString() !== before);
  const outcome = page.locator("main > p.alert").first();
  await outcome.waitFor();
  return (await outcome.textContent()) ?? "";
}

export function rowWith(page: Page, testId: string, text: string): Locator {
  return page.getByTestId(testId).filter({ hasText: text });
}

/** Reloads until the audit log lists every action: events are recorded by a workflow, not in the request. */
export async function waitForAuditActions(
  page: Page,
  actions: string[],
  timeoutMs = 20_000,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await page
      .getByTestId("audit-row")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-action") ?? ""));
    if (actions.every((action) => seen.includes(action))) return seen;
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.reload();
  }
  return seen;
}
