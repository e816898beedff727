// Neon's HTTP driver: one round trip per query, for read paths on Workers. It has no interactive transactions.
import { neon, neonConfig } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-http";
import * as schema from "../schema/index";
import type { Db } from "../types";

export type NeonHttpOptions = {
  /** Full URL of a SQL-over-HTTP endpoint, for a PostgreSQL server that is not Neon (local development). */
  fetchEndpoint?: string;
};

export function createNeonHttpDb(url: string, options: NeonHttpOptions = {}): Db {
  if (options.fetchEndpoint) {
    const endpoint = options.fetchEndpoint;
    neonConfig.fetchEndpoint = () => endpoint;
  }
  return drizzle({ client: neon(url), schema, casing: "snake_case" });
}
