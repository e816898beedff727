// A fresh, migrated database per test file: PGlite in memory, or a new database on DATABASE_URL's server.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createNodeDb } from "../client/node";
import { createPgliteDb } from "../client/pglite";
import { migrate } from "../migrate";
import type { Db } from "../types";

export type TestDb = {
  db: Db;
  /** Connection string of the fresh database, when the test runs on a real server. */
  url?: string;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
};

export * from "./factories";
export { type NeonHttpEndpoint, startNeonHttpEndpoint } from "./neon-http-endpoint";
export { startWsProxy, tcpTargetOf, type WsProxy } from "./ws-proxy";

export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const { db, close } = await createPgliteDb();
    await migrate(db);
    return { db, driver: "pglite", close };
  }
  const name = `meshplane_test_${randomBytes(6).toString("hex")}`;
  await admin(serverUrl, `create database ${name}`);
  const url = withDatabase(serverUrl, name);
  // Dropping the database "with (force)" terminates connections that are still closing: expected here.
  const { db, close } = createNodeDb(url, { max: 4, onIdleClientError: () => {} });
  const dispose = async () => {
    await close();
    await admin(serverUrl, `drop database if exists ${name} with (force)`);
  };
  // A migration that fails must not leave its database behind on the shared server.
  await migrate(db).catch(async (error: unknown) => {
    await dispose();
    throw error;
  });
  return { db, url, driver: "postgres", close: dispose };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
