// node-postgres pool for servers that reach PostgreSQL over TCP (one-machine mode with DATABASE_URL, tests).
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../schema/index";
import type { Db } from "../types";

export type NodeDb = { db: Db; pool: pg.Pool; close: () => Promise<void> };

export type NodeDbOptions = {
  max?: number;
  /** Called when the server drops an idle pooled connection; the pool replaces it. Defaults to a warning. */
  onIdleClientError?: (error: Error) => void;
};

export function createNodeDb(url: string, options: NodeDbOptions = {}): NodeDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // Without a listener, an idle connection killed by the server (restart, failover) crashes the process.
  pool.on(
    "error",
    options.onIdleClientError ?? ((error) => console.warn(`postgres idle client: ${error.message}`)),
  );
  const db = drizzle({ client: pool, schema, casing: "snake_case" });
  return { db, pool, close: () => pool.end() };
}
