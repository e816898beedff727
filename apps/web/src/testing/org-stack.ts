// The real API and web app for the organisation e2e test, on a fresh database, with the development sign-in on.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureWebBuilt, freePort, type RunningProcess, startApi, startWeb } from "./processes";

export type OrgStack = {
  webUrl: string;
  api: RunningProcess;
  web: RunningProcess;
  logs: () => string;
  stop: () => Promise<void>;
};

export async function startOrgStack(): Promise<OrgStack> {
  ensureWebBuilt();
  const workDir = mkdtempSync(join(tmpdir(), "meshplane-org-e2e-"));
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(workDir, { recursive: true, force: true })];
  try {
    const [webPort, apiPort] = [await freePort(), await freePort()];
    // localhost, not 127.0.0.1: Next normalises loopback IPs to localhost, and the cookies must match.
    const webUrl = `http://localhost:${webPort}`;
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const internalSecret = randomBytes(32).toString("base64url");
    const database = await freshDatabase(workDir);
    if (database.close) cleanups.unshift(database.close);
    const api = await startApi(apiPort, {
      PATH: process.env.PATH ?? "",
      ...database.env,
      MESHPLANE_INTERNAL_SECRET: internalSecret,
      MESHPLANE_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      MESHPLANE_SECRETS_FILE: join(workDir, "api-secrets.json"),
      MESHPLANE_PUBLIC_URL: apiUrl,
      MESHPLANE_WEB_URL: webUrl,
    });
    cleanups.unshift(api.stop);
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
    cleanups.unshift(web.stop);
    return {
      webUrl,
      api,
      web,
      logs: () => `--- web\n${web.output()}\n--- api\n${api.output()}`,
      stop: () => runAll(cleanups),
    };
  } catch (error) {
    await runAll(cleanups);
    throw error;
  }
}

async function runAll(steps: (() => Promise<void>)[]): Promise<void> {
  for (const step of steps) await step();
}

/** A new database on DATABASE_URL's server when one is configured, else PGlite in the work folder. */
async function freshDatabase(
  workDir: string,
): Promise<{ env: Record<string, string>; close?: () => Promise<void> }> {
  if (!process.env.DATABASE_URL) return { env: { MESHPLANE_DATA_DIR: join(workDir, "pglite") } };
  const { createTestDb } = await import("@meshplane/db/testing");
  const database = await createTestDb();
  if (!database.url) {
    await database.close();
    throw new Error("createTestDb gave no URL for DATABASE_URL's server");
  }
  return { env: { DATABASE_URL: database.url }, close: database.close };
}
