// Atomic units of work and the guards every write uses: one transaction helper, one error type.
import type { Db } from "../types";

/**
 * Runs `fn` in one transaction; query functions take the transaction as their `db`, so they compose.
 * Neon's HTTP driver cannot run interactive transactions: callers on Workers pass the pool client.
 */
export function withTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx));
}

export type DomainErrorCode = "not_found" | "conflict" | "invalid_transition" | "invalid_argument";

/** A refusal by a query function that the API maps to its own error codes (404, 409, 422...). */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** The single row an INSERT or UPDATE ... RETURNING must produce. */
export function returnedRow<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (!row) throw new Error(`${what} returned no row`);
  return row;
}

/** Runs a write and turns PostgreSQL's unique violation (23505), wrapped or not by drizzle, into a conflict. */
export async function conflictOnDuplicate<T>(write: Promise<T>, message: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (sqlStateOf(error) === "23505") throw new DomainError("conflict", message);
    throw error;
  }
}

/** PostgreSQL's SQLSTATE of an error, looked up through drizzle's wrapping `cause`s. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let current = error; current instanceof Object; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
