// Connections of one organisation, and their status changes along Meshery's connection state machine.
import { and, asc, eq, inArray } from "drizzle-orm";
import { type ConnectionStatus, connections } from "../schema/connections";
import { credentials } from "../schema/credentials";
import type { Db } from "../types";
import { DomainError, returnedRow } from "./transactions";

export type Connection = typeof connections.$inferSelect;

/**
 * Where each status may go next (Meshery's transitionMap). `deleted` is final. `not found` and
 * `disconnected` are reached only by the system when a check fails, never chosen by a user.
 */
export const connectionTransitions: Record<ConnectionStatus, readonly ConnectionStatus[]> = {
  discovered: ["registered", "ignored", "not found", "deleted"],
  registered: ["connected", "maintenance", "ignored", "not found", "deleted"],
  connected: ["disconnected", "maintenance", "ignored", "deleted"],
  disconnected: ["connected", "maintenance", "ignored", "not found", "deleted"],
  maintenance: ["connected", "disconnected", "ignored", "deleted"],
  ignored: ["registered", "deleted"],
  "not found": ["registered", "deleted"],
  deleted: [],
};
const automaticOnly: readonly ConnectionStatus[] = ["not found", "disconnected"];

type Scoped = { organizationId: string; id: string };

export async function createConnection(
  db: Db,
  params: {
    organizationId: string;
    name: string;
    kind: string;
    type: string;
    subType: string;
    status?: ConnectionStatus;
    description?: string;
    url?: string | null;
    metadata?: Record<string, unknown>;
    credentialId?: string | null;
    ownerId?: string | null;
  },
): Promise<Connection> {
  if (params.credentialId) {
    const [credential] = await db
      .select({ id: credentials.id })
      .from(credentials)
      .where(
        and(eq(credentials.organizationId, params.organizationId), eq(credentials.id, params.credentialId)),
      );
    if (!credential) throw new DomainError("not_found", "credential not found");
  }
  return returnedRow(await db.insert(connections).values(params).returning(), "insert into connections");
}

export function listConnections(
  db: Db,
  params: { organizationId: string; kind?: string; statuses?: ConnectionStatus[] },
): Promise<Connection[]> {
  return db
    .select()
    .from(connections)
    .where(
      and(
        eq(connections.organizationId, params.organizationId),
        params.kind ? eq(connections.kind, params.kind) : undefined,
        params.statuses?.length ? inArray(connections.status, params.statuses) : undefined,
      ),
    )
    .orderBy(asc(connections.name), asc(connections.id));
}

export async function getConnection(db: Db, params: Scoped): Promise<Connection | undefined> {
  const [row] = await db
    .select()
    .from(connections)
    .where(and(eq(connections.organizationId, params.organizationId), eq(connections.id, params.id)));
  return row;
}

/**
 * Moves the connection to `status` if the state machine allows it from its current status. The check
 * and the write are one UPDATE, so two concurrent changes cannot both pass from the same state.
 */
export async function updateConnectionStatus(
  db: Db,
  params: Scoped & { status: ConnectionStatus; automatic?: boolean },
): Promise<Connection> {
  if (automaticOnly.includes(params.status) && !params.automatic) {
    throw new DomainError("invalid_transition", `"${params.status}" is set by the system, not chosen`);
  }
  const from = (Object.keys(connectionTransitions) as ConnectionStatus[]).filter((status) =>
    connectionTransitions[status].includes(params.status),
  );
  const [row] = await db
    .update(connections)
    .set({ status: params.status })
    .where(
      and(
        eq(connections.organizationId, params.organizationId),
        eq(connections.id, params.id),
        inArray(connections.status, from),
      ),
    )
    .returning();
  if (row) return row;
  const current = await getConnection(db, params);
  if (!current) throw new DomainError("not_found", "connection not found");
  throw new DomainError(
    "invalid_transition",
    `a ${current.status} connection cannot become ${params.status}`,
  );
}

/** Removes the connection and its environment links; its credential stays for other connections. */
export async function deleteConnection(db: Db, params: Scoped): Promise<boolean> {
  const removed = await db
    .delete(connections)
    .where(and(eq(connections.organizationId, params.organizationId), eq(connections.id, params.id)))
    .returning({ id: connections.id });
  return removed.length > 0;
}
