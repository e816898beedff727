// Sign-in end to end: a real OIDC issuer, the built API and web app, and headless Chromium clicking through.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./testing/browser";
import { type FakeMeshery, startFakeMeshery } from "./testing/fake-meshery";
import { type OidcIssuer, startOidcIssuer } from "./testing/oidc-issuer";
import { ensureWebBuilt, freePort, type RunningProcess, startApi, startWeb } from "./testing/processes";

const account = { login: "ada", email: "ada@e2e.example", name: "Ada Lovelace" };
const internalSecret = randomBytes(32).toString("base64url");
const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("signing in to the web app", () => {
  let workDir: string;
  let oidc: OidcIssuer;
  let meshery: FakeMeshery;
  let api: RunningProcess;
  let web: RunningProcess;
  let webUrl: string;
  let browser: Browser;
  let closeDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ensureWebBuilt();
    workDir = mkdtempSync(join(tmpdir(), "meshplane-sign-in-e2e-"));
    const [webPort, apiPort] = [await freePort(), await freePort()];
    // The browser's origin for the web app is localhost, as in the one-machine mode: Next normalises a
    // loopback IP in request URLs to localhost, so Auth.js would build its callback URLs with two hosts.
    webUrl = `http://localhost:${webPort}`;
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    oidc = await startOidcIssuer({ redirectUri: `${webUrl}/api/auth/callback/oidc`, account });
    meshery = await startFakeMeshery();
    api = await startApi(apiPort, {
      PATH: process.env.PATH ?? "",
      ...(await databaseEnv(workDir, (close) => {
        closeDatabase = close;
      })),
      MESHPLANE_INTERNAL_SECRET: internalSecret,
      MESHPLANE_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      MESHPLANE_SECRETS_FILE: join(workDir, "api-secrets.json"),
      MESHPLANE_PUBLIC_URL: apiUrl,
      MESHPLANE_WEB_URL: webUrl,
    });
    web = await startWeb(
      {
        PATH: process.env.PATH ?? "",
        API_URL: apiUrl,
        AUTH_URL: webUrl,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        MESHPLANE_INTERNAL_SECRET: internalSecret,
        MESHPLANE_SECRETS_FILE: join(workDir, "no-secrets-file.json"),
        AUTH_OIDC_ISSUER: oidc.issuer,
        AUTH_OIDC_ID: oidc.clientId,
        AUTH_OIDC_SECRET: oidc.clientSecret,
        AUTH_OIDC_NAME: "Test SSO",
        MESHPLANE_DEV_SIGN_IN: "1",
      },
      webPort,
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await oidc?.close();
    await meshery?.close();
    await closeDatabase?.();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  function showLogsOnFailure() {
    onTestFailed(() => {
      console.error(
        `--- web\n${web.output()}\n--- api\n${api.output()}\n--- oidc\n${oidc.errors.join("\n")}`,
      );
    });
  }

  it("signs in through the OIDC issuer, creates an API token and uses it against the API", async () => {
    showLogsOnFailure();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughIssuer(page, webUrl, oidc.issuer);
    expect(await page.getByTestId("profile-email").textContent()).toBe(account.email);

    const token = await createTokenOnPage(page, "e2e-script");
    expect(token.length).toBeGreaterThan(20);
    const profile = await fetch(`${api.url}/api/identity/users/profile`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(profile.status).toBe(200);
    expect(((await profile.json()) as { email: string }).email).toBe(account.email);

    // Shown once: after a reload the page lists the token by name, never its plaintext.
    await page.reload();
    expect(await page.content()).not.toContain(token);
    const row = page.getByTestId("token-row").filter({ hasText: "e2e-script" });
    expect(await row.textContent()).toContain("designs:read");
    await row.getByRole("button", { name: "Revoke e2e-script" }).click();
    await row.getByText("Revoked").waitFor();
    const afterRevoke = await fetch(`${api.url}/api/identity/users/profile`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(afterRevoke.status).toBe(401);
    await context.close();
  }, 120_000);

  it("walks Meshery Server's login round trip through the consent page", async () => {
    showLogsOnFailure();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughIssuer(page, webUrl, oidc.issuer);
    const callback = `${meshery.url}/api/user/token`;
    const query = new URLSearchParams({
      source: b64(callback),
      ref: b64("/"),
      provider_version: "v0.1.0",
      meshery_version: "v0.8.0",
    });
    await page.goto(`${api.url}/login?${query}`);
    expect(new URL(page.url()).pathname).toBe("/provider/login");
    const consent = await page.getByTestId("consent-text").textContent();
    expect(consent).toContain(`Meshery Server at ${new URL(meshery.url).host} wants to sign in as`);
    expect(consent).toContain(account.email);

    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL((url) => url.origin === meshery.url && url.pathname === "/api/user/token");
    expect(meshery.tokenCallbacks).toHaveLength(1);
    const received = meshery.tokenCallbacks[0];
    const cookie = JSON.parse(Buffer.from(received?.get("token") ?? "", "base64").toString("utf8")) as {
      access_token?: string;
      refresh_token?: string;
    };
    expect(cookie.access_token).toEqual(expect.any(String));
    expect(cookie.refresh_token).toEqual(expect.any(String));
    expect(received?.get("ref")).toBe(b64("/"));
    // What Meshery Server will do next: call the provider as the user with that access token.
    const profile = await fetch(`${api.url}/api/identity/users/profile`, {
      headers: { authorization: `Bearer ${cookie.access_token}` },
    });
    expect(profile.status).toBe(200);
    expect(((await profile.json()) as { email: string }).email).toBe(account.email);
    await context.close();
  }, 120_000);

  it("sends a signed-out Meshery login through the development sign-in and back, then signs out", async () => {
    showLogsOnFailure();
    const context = await browser.newContext();
    const page = await context.newPage();
    const query = new URLSearchParams({ source: b64(`${meshery.url}/api/user/token`), ref: b64("/designs") });
    await page.goto(`${api.url}/login?${query}`);
    const signInUrl = new URL(page.url());
    expect(signInUrl.pathname).toBe("/sign-in");
    expect(signInUrl.searchParams.get("callbackUrl")).toBe(`/provider/login?${query}`);

    await page.getByLabel("Email").fill("grace@e2e.example");
    await page.getByLabel("Name").fill("Grace Hopper");
    await page.getByRole("button", { name: "Sign in for development" }).click();
    await page.waitForURL((url) => url.pathname === "/provider/login");
    expect(await page.getByTestId("consent-text").textContent()).toContain("grace@e2e.example");

    await page.getByRole("link", { name: "Deny" }).click();
    await page.waitForURL(`${webUrl}/dashboard`);
    expect(meshery.tokenCallbacks.some((params) => params.get("ref") === b64("/designs"))).toBe(false);
    expect(await page.getByTestId("profile-email").textContent()).toBe("grace@e2e.example");

    const sessionCookie = (await context.cookies(webUrl)).find((c) => c.name === "authjs.session-token");
    expect(sessionCookie?.httpOnly).toBe(true);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${webUrl}/`);
    await page.goto(`${webUrl}/settings/tokens`);
    expect(page.url()).toBe(`${webUrl}/sign-in?callbackUrl=%2Fsettings%2Ftokens`);
    // Signing out deleted the session in the API, not only the cookie.
    const exchange = await fetch(`${api.url}/api/internal/auth/session-token`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-meshplane-internal": internalSecret },
      body: JSON.stringify({ sessionToken: sessionCookie?.value }),
    });
    expect(exchange.status).toBe(401);
    await context.close();
  }, 120_000);
});

async function createTokenOnPage(page: Page, name: string): Promise<string> {
  await page.goto(page.url().replace(/\/dashboard$/, "/settings/tokens"));
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Expires after").selectOption("30");
  await page.getByLabel("designs:read").check();
  await page.getByRole("button", { name: "Create token" }).click();
  return (await page.getByTestId("new-token").textContent()) ?? "";
}

/** From a signed-out page to the dashboard, through the issuer's own login and consent screens. */
async function signInThroughIssuer(page: Page, webUrl: string, issuer: string): Promise<void> {
  await page.goto(`${webUrl}/dashboard`);
  expect(page.url()).toBe(`${webUrl}/sign-in?callbackUrl=%2Fdashboard`);
  await page.getByRole("button", { name: "Continue with Test SSO" }).click();
  await page.waitForURL((url) => url.origin === issuer);
  await page.locator('input[name="login"]').fill(account.login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(`${webUrl}/dashboard`);
}

/** A fresh database for the API: a new one on DATABASE_URL's server when set, else PGlite in a temp folder. */
async function databaseEnv(
  workDir: string,
  onClose: (close: () => Promise<void>) => void,
): Promise<Record<string, string>> {
  if (!process.env.DATABASE_URL) return { MESHPLANE_DATA_DIR: join(workDir, "pglite") };
  const { createTestDb } = await import("@meshplane/db/testing");
  const database = await createTestDb();
  onClose(database.close);
  if (!database.url) throw new Error("createTestDb gave no URL for DATABASE_URL's server");
  return { DATABASE_URL: database.url };
}
