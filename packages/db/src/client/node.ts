// node-postgres pool for servers that reach PostgreSQL over TCP (one-machine mode with DATABASE_URL, tests).
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../schema/index";
import type { Db } from "../types";

export type NodeDb = { db: Db; pool: pg.Pool; close: () => Promise<void> };

export function createNodeDb(url: string, options: { max?: number } = {}): NodeDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  const db = drizzle({ client: pool, schema, casing: "snake_case" });
  return { db, pool, close: () => pool.end() };
}
