// Neon's WebSocket pool: interactive transactions on Workers and serverless hosts.
import { neonConfig, Pool } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-serverless";
import * as schema from "../schema/index";
import type { Db } from "../types";

export type NeonPoolOptions = {
  /** `host:port/path` of a WebSocket-to-TCP proxy, for a PostgreSQL server that is not Neon (local development). */
  wsProxy?: string;
  /** Constructor for runtimes without a global WebSocket (Node 20). */
  webSocketConstructor?: typeof neonConfig.webSocketConstructor;
};

export type NeonPoolDb = { db: Db; pool: Pool; close: () => Promise<void> };

export function createNeonPoolDb(url: string, options: NeonPoolOptions = {}): NeonPoolDb {
  if (options.webSocketConstructor) neonConfig.webSocketConstructor = options.webSocketConstructor;
  if (options.wsProxy) {
    const proxy = options.wsProxy;
    // A plain proxy speaks unencrypted WebSocket and does not pipeline the startup messages.
    neonConfig.wsProxy = () => proxy;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({ connectionString: url });
  const db = drizzle({ client: pool, schema, casing: "snake_case" });
  return { db, pool, close: () => pool.end() };
}
