// Embedded PostgreSQL (PGlite): in memory for tests, under a data folder for the one-machine mode.
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "../schema/index";
import type { Db } from "../types";

export type PgliteDb = { db: Db; client: PGlite; close: () => Promise<void> };

export async function createPgliteDb(options: { dataDir?: string } = {}): Promise<PgliteDb> {
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzle({ client, schema, casing: "snake_case" });
  return { db, client, close: () => client.close() };
}
