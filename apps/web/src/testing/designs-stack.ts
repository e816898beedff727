// The real API and web app for the design pages' end-to-end test, signed in through the development form.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { ensureWebBuilt, freePort, type RunningProcess, startApi, startWeb } from "./processes";

export type DesignsStack = {
  api: RunningProcess;
  web: RunningProcess;
  /** The browser's origin for the web: localhost, as Auth.js expects (see sign-in.e2e.test.ts). */
  webUrl: string;
  /** The API's JWT for the session the browser holds, to check and change things behind the pages. */
  apiToken: (context: BrowserContext) => Promise<string>;
  stop: () => Promise<void>;
};

/** `apiEnv` adds to the API's environment, such as `MESHPLANE_PROVIDER_ADMINS` for a test that needs a curator. */
export async function startDesignsStack(
  options: { apiEnv?: Record<string, string> } = {},
): Promise<DesignsStack> {
  ensureWebBuilt();
  const workDir = mkdtempSync(join(tmpdir(), "meshplane-designs-e2e-"));
  const internalSecret = randomBytes(32).toString("base64url");
  const [webPort, apiPort] = [await freePort(), await freePort()];
  const webUrl = `http://localhost:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  let closeDatabase: (() => Promise<void>) | undefined;
  const api = await startApi(apiPort, {
    PATH: process.env.PATH ?? "",
    ...(await databaseEnv(workDir, (close) => {
      closeDatabase = close;
    })),
    MESHPLANE_INTERNAL_SECRET: internalSecret,
    MESHPLANE_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    MESHPLANE_SECRETS_FILE: join(workDir, "api-secrets.json"),
    MESHPLANE_PUBLIC_URL: apiUrl,
    MESHPLANE_WEB_URL: webUrl,
    ...options.apiEnv,
  });
  const web = await startWeb(
    {
      PATH: process.env.PATH ?? "",
      API_URL: apiUrl,
      AUTH_URL: webUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      MESHPLANE_INTERNAL_SECRET: internalSecret,
      MESHPLANE_SECRETS_FILE: join(workDir, "no-secrets-file.json"),
      MESHPLANE_DEV_SIGN_IN: "1",
    },
    webPort,
  );
  const apiToken = async (context: BrowserContext) => {
    const cookie = (await context.cookies(webUrl)).find((c) => c.name === "authjs.session-token");
    const answer = await fetch(`${apiUrl}/api/internal/auth/session-token`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-meshplane-internal": internalSecret },
      body: JSON.stringify({ sessionToken: cookie?.value }),
    });
    if (!answer.ok) throw new Error(`session-token exchange answered ${answer.status}`);
    return ((await answer.json()) as { token: string }).token;
  };
  const stop = async () => {
    await web.stop();
    await api.stop();
    await closeDatabase?.();
    rmSync(workDir, { recursive: true, force: true });
  };
  return { api, web, webUrl, apiToken, stop };
}

/** Through the development sign-in form, landing on `path`. */
export async function signInForDevelopment(page: Page, webUrl: string, email: string, path: string) {
  await page.goto(`${webUrl}/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in for development" }).click();
  await page.waitForURL((url) => url.pathname === path);
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
