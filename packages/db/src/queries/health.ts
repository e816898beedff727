// Health of the database as the API reports it: reachable, server version, migrations applied.
import { sql } from "drizzle-orm";
import type { Db } from "../types";

export type DatabaseHealth = { ok: true; latencyMs: number; serverVersion: string; migrations: number };

export async function checkDatabase(db: Db): Promise<DatabaseHealth> {
  const started = performance.now();
  const version = await db.execute(sql`show server_version`);
  const applied = await db.execute(sql`select count(*) as count from drizzle.__drizzle_migrations`);
  return {
    ok: true,
    latencyMs: Math.round((performance.now() - started) * 100) / 100,
    serverVersion: String(rowsOf<{ server_version: string }>(version)[0]?.server_version ?? "unknown"),
    migrations: Number(rowsOf<{ count: string | number }>(applied)[0]?.count ?? 0),
  };
}

// node-postgres and Neon return `{ rows }`, PGlite returns `{ rows }` too, neon-http returns the array.
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
