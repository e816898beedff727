// Upkeep of agent credentials for the rotation workflow: overdue rotations flagged on the connection, old ones erased.
import { and, eq, isNotNull, isNull, lt, lte, sql } from "drizzle-orm";
import { agents } from "../schema/agents";
import { connections } from "../schema/connections";
import type { Db } from "../types";

/** Where the warning lives in the connection's metadata; the clusters page shows it beside the status. */
export const CREDENTIAL_NOTE_KEY = "credentialNote";

export type CredentialNote = { expiresAt: string; flaggedAt: string; message: string };

export type AgentCredentialDue = {
  agentId: string;
  organizationId: string;
  connectionId: string;
  credentialExpiresAt: Date;
  /** The expiry already flagged on the connection, if any: the workflow flags each credential once. */
  flaggedExpiresAt: string | null;
};

/** Agents, not revoked, whose current credential expires before `before` (they should have rotated). */
export async function listAgentCredentialsDue(
  db: Db,
  params: { before: Date; limit?: number },
): Promise<AgentCredentialDue[]> {
  const rows = await db
    .select({
      agentId: agents.id,
      organizationId: agents.organizationId,
      connectionId: agents.connectionId,
      credentialExpiresAt: agents.credentialExpiresAt,
      flaggedExpiresAt: sql<string | null>`${connections.metadata}->${CREDENTIAL_NOTE_KEY}->>'expiresAt'`,
    })
    .from(agents)
    .innerJoin(
      connections,
      and(eq(connections.id, agents.connectionId), eq(connections.organizationId, agents.organizationId)),
    )
    .where(and(isNull(agents.revokedAt), lt(agents.credentialExpiresAt, params.before)))
    .orderBy(agents.credentialExpiresAt)
    .limit(params.limit ?? 500);
  return rows;
}

/** Puts the warning on the connection (or removes it with `note: null`). */
export async function setConnectionCredentialNote(
  db: Db,
  params: { organizationId: string; connectionId: string; note: CredentialNote | null },
): Promise<void> {
  await db
    .update(connections)
    .set({
      metadata:
        params.note === null
          ? sql`${connections.metadata} - ${CREDENTIAL_NOTE_KEY}`
          : sql`${connections.metadata} || jsonb_build_object(${CREDENTIAL_NOTE_KEY}::text, ${JSON.stringify(params.note)}::jsonb)`,
    })
    .where(
      and(eq(connections.organizationId, params.organizationId), eq(connections.id, params.connectionId)),
    );
}

/**
 * Removes warnings that no longer hold: the agent rotated (its expiry moved past `before`) or was revoked.
 * Returns the connections it cleared.
 */
export async function clearResolvedCredentialNotes(
  db: Db,
  params: { before: Date },
): Promise<{ organizationId: string; connectionId: string }[]> {
  const resolved = db
    .select({ id: agents.connectionId })
    .from(agents)
    .where(sql`${agents.credentialExpiresAt} >= ${params.before} or ${agents.revokedAt} is not null`);
  return db
    .update(connections)
    .set({ metadata: sql`${connections.metadata} - ${CREDENTIAL_NOTE_KEY}` })
    .where(and(sql`${connections.metadata} ? ${CREDENTIAL_NOTE_KEY}`, sql`${connections.id} in ${resolved}`))
    .returning({ organizationId: connections.organizationId, connectionId: connections.id });
}

/**
 * Erases the hashes of rotated-out credentials whose grace period is over. Authentication already refuses
 * them after the grace; erasing them keeps the table holding only credentials that can still work.
 */
export async function expireRotatedAgentCredentials(
  db: Db,
  params: { now: Date },
): Promise<{ organizationId: string; agentId: string }[]> {
  return db
    .update(agents)
    .set({ previousCredentialHash: null, previousCredentialExpiresAt: null })
    .where(and(isNotNull(agents.previousCredentialHash), lte(agents.previousCredentialExpiresAt, params.now)))
    .returning({ organizationId: agents.organizationId, agentId: agents.id });
}
