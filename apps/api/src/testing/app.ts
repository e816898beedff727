// Builds the app for tests: a fresh migrated database, the in-process runner, the Node runtime's info.
import { createTestDb, type TestDb } from "@meshplane/db/testing";
import { createInngestClient } from "@meshplane/workflows";
import { createInProcessRunner, type InProcessRunner } from "@meshplane/workflows/in-process";
import { type App, type NewAppOptions, newApp } from "../app";
import type { AuthConfig } from "../auth/config";
import type { Services } from "../context";
import { createProcessRunner } from "../performance/runner.node";
import { apiVersion } from "../version";

export type TestApp = {
  app: App;
  t: TestDb;
  workflows: InProcessRunner;
  auth: AuthConfig;
  close: () => Promise<void>;
};

/** `localRuns: false` builds a deployment without its own load generator, like the Workers one. */
export async function createTestApp(
  options: Partial<NewAppOptions> = {},
  test: { localRuns?: boolean; inventoryMaxObjects?: number } = {},
): Promise<TestApp> {
  const t = await createTestDb();
  const workflows = createInProcessRunner({ db: t.db, backoffMs: 1, log: () => {} });
  const services: Services = {
    db: t.db,
    workflows,
    inngest: createInngestClient({ isDev: true }),
    ...(test.localRuns === false ? {} : { performance: createProcessRunner() }),
    ...(test.inventoryMaxObjects ? { inventoryMaxObjects: test.inventoryMaxObjects } : {}),
  };
  const auth = options.auth ?? testAuthConfig();
  const app = newApp({
    info: { version: apiVersion, runtime: "node", mode: "one-machine" },
    services: () => services,
    ...options,
    auth,
  });
  return {
    app,
    t,
    workflows,
    auth,
    close: async () => {
      await workflows.drain(1_000);
      await t.close();
    },
  };
}

/** The error envelope's shape, for assertions. */
export type ErrorBody = { error: { code: string; message: string; requestId: string } };

/** Fresh secrets per app, the development sign-in on, as in the one-machine mode. */
export function testAuthConfig(overrides: Partial<AuthConfig> = {}): AuthConfig {
  const key = crypto.getRandomValues(new Uint8Array(32));
  return {
    internalSecret: `internal-${crypto.randomUUID()}-${crypto.randomUUID()}`,
    encryptionKey: btoa(String.fromCharCode(...key)),
    publicUrl: "http://api.meshplane.test",
    webUrl: "http://web.meshplane.test",
    devSignIn: true,
    ...overrides,
  };
}
