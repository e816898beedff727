// The Node entry (one-machine mode): embedded PGlite or DATABASE_URL, migrations, in-process workflows.
import { mkdirSync } from "node:fs";
import { serve } from "@hono/node-server";
import { createNodeDb } from "@meshplane/db/client/node";
import { createPgliteDb } from "@meshplane/db/client/pglite";
import { migrate } from "@meshplane/db/migrate";
import { loadCatalogSeed } from "@meshplane/design";
import { createInngestClient } from "@meshplane/workflows";
import { createInProcessRunner } from "@meshplane/workflows/in-process";
import { newApp } from "./app";
import { authConfigFromNodeEnv } from "./auth/node-config";
import { inngestKeysOf, readNodeEnv } from "./env";
import { oneMachineWorkflows } from "./performance/local-run";
import { createProcessRunner } from "./performance/runner.node";
import { seedCatalog } from "./seed/catalog";
import { seedRegistry } from "./seed/registry";
import { apiVersion } from "./version";

const env = readNodeEnv();
const auth = authConfigFromNodeEnv(env);

async function openDatabase() {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    // Host and database only: the URL's password must not reach the log.
    return { ...createNodeDb(env.DATABASE_URL), label: `postgres ${url.host}${url.pathname}` };
  }
  mkdirSync(env.MESHPLANE_DATA_DIR, { recursive: true });
  const pglite = await createPgliteDb({ dataDir: env.MESHPLANE_DATA_DIR });
  return { ...pglite, label: `embedded pglite ${env.MESHPLANE_DATA_DIR}` };
}

const database = await openDatabase();
await migrate(database.db);
// The registry is what designs resolve against, so it is seeded whatever the catalog setting says.
const registry = await seedRegistry(database.db);
if (registry.seeded) {
  console.log(
    `meshplane api: seeded the registry's ${registry.model} model (${registry.components} components, ${registry.relationships} relationships)`,
  );
}
if (env.MESHPLANE_SEED_CATALOG !== false) {
  const added = await seedCatalog(
    database.db,
    loadCatalogSeed().map(({ entry, manifests }) => ({ ...entry, manifests })),
  );
  if (added > 0) console.log(`meshplane api: seeded the catalog with ${added} designs`);
}

const performance = createProcessRunner();
const workflows = createInProcessRunner({
  db: database.db,
  definitions: oneMachineWorkflows(database.db, performance),
});
// No Inngest here to fire cron triggers (agent liveness, credential upkeep): the runner schedules them.
const stopSchedules = workflows.startSchedules();
// Without a signing key there is no Inngest Cloud to answer to: serve /api/inngest to a local dev server.
const inngest = createInngestClient({ isDev: !env.INNGEST_SIGNING_KEY, ...inngestKeysOf(env) });
const app = newApp({
  info: { version: apiVersion, runtime: "node", mode: "one-machine" },
  services: () => ({
    db: database.db,
    workflows,
    inngest,
    performance,
    ...(env.MESHPLANE_INVENTORY_MAX_OBJECTS
      ? { inventoryMaxObjects: env.MESHPLANE_INVENTORY_MAX_OBJECTS }
      : {}),
  }),
  auth,
});

const server = serve({ fetch: app.fetch, port: env.API_PORT, hostname: env.API_HOST }, (address) => {
  console.log(
    `meshplane api ${apiVersion} listening on http://${env.API_HOST}:${address.port} (${database.label})`,
  );
});

await workflows.send({
  name: "system/instance.started",
  data: {
    version: apiVersion,
    runtime: "node",
    mode: "one-machine",
    database: env.DATABASE_URL ? "postgres" : "pglite",
  },
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`meshplane api: ${signal}, shutting down`);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections would hold close() open; in-flight requests get a moment to finish first.
  setTimeout(() => "closeAllConnections" in server && server.closeAllConnections(), 2_000).unref();
  await closed;
  stopSchedules();
  await workflows.drain(5_000);
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
