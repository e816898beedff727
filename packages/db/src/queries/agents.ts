// In-cluster agents: registration as a Kubernetes connection, credentials (hashed, expiring, rotated), liveness.
import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { agents } from "../schema/agents";
import { connections } from "../schema/connections";
import type { Db } from "../types";
import { newPrefixedSecret } from "./agent-bootstrap-tokens";
import { hashApiToken } from "./api-tokens";
import { type Connection, createConnection } from "./connections";
import { returnedRow } from "./transactions";

export type Agent = typeof agents.$inferSelect;

export const AGENT_CREDENTIAL_PREFIX = "mpa_";
export const AGENT_CREDENTIAL_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const AGENT_ROTATION_GRACE_MS = 10 * 60 * 1000;

export type ClusterFacts = {
  kubeSystemUid: string;
  kubernetesVersion: string;
  nodeCount: number;
  agentVersion: string;
};

async function newCredential(now: number) {
  const credential = newPrefixedSecret(AGENT_CREDENTIAL_PREFIX);
  return {
    credential,
    credentialHash: await hashApiToken(credential),
    credentialExpiresAt: new Date(now + AGENT_CREDENTIAL_TTL_MS),
  };
}

function clusterMetadata(facts: ClusterFacts) {
  return {
    kubeSystemUid: facts.kubeSystemUid,
    kubernetesVersion: facts.kubernetesVersion,
    nodeCount: facts.nodeCount,
    agentVersion: facts.agentVersion,
  };
}

/**
 * Registers a cluster: a new agent and a connected Kubernetes connection, or, when the same kube-system
 * UID registered before, that agent with a fresh credential (any revocation lifted: a user made a new
 * bootstrap token for it). Run it in the transaction that consumed the bootstrap token.
 */
export async function registerAgent(
  db: Db,
  params: ClusterFacts & { organizationId: string; name: string; ownerId?: string | null },
): Promise<{ credential: string; agent: Agent; connection: Connection }> {
  const { credential, ...fresh } = await newCredential(Date.now());
  const [existing] = await db
    .select()
    .from(agents)
    .where(
      and(eq(agents.organizationId, params.organizationId), eq(agents.kubeSystemUid, params.kubeSystemUid)),
    );
  if (!existing) {
    const connection = await createConnection(db, {
      organizationId: params.organizationId,
      name: params.name,
      kind: "kubernetes",
      type: "platform",
      subType: "orchestrator",
      status: "connected",
      metadata: clusterMetadata(params),
      ownerId: params.ownerId ?? null,
    });
    const rows = await db
      .insert(agents)
      .values({
        organizationId: params.organizationId,
        connectionId: connection.id,
        kubeSystemUid: params.kubeSystemUid,
        version: params.agentVersion,
        lastHeartbeatAt: new Date(),
        ...fresh,
      })
      .returning();
    return { credential, agent: returnedRow(rows, "insert into agents"), connection };
  }
  const agentRows = await db
    .update(agents)
    .set({
      ...fresh,
      previousCredentialHash: null,
      previousCredentialExpiresAt: null,
      revokedAt: null,
      version: params.agentVersion,
      lastHeartbeatAt: new Date(),
    })
    .where(eq(agents.id, existing.id))
    .returning();
  // A deleted connection stays deleted: the state machine has no way back, so only living ones reconnect.
  const connectionRows = await db
    .update(connections)
    .set({
      metadata: clusterMetadata(params),
      status: sql`case when ${connections.status} = 'deleted' then ${connections.status} else 'connected' end`,
    })
    .where(eq(connections.id, existing.connectionId))
    .returning();
  return {
    credential,
    agent: returnedRow(agentRows, "update agents"),
    connection: returnedRow(connectionRows, "update connections"),
  };
}

export type AgentCredentialMatch = { agent: Agent; slot: "current" | "previous" };

/** The agent holding this credential, current or still within its rotation grace; validity is the caller's call. */
export async function getAgentByCredential(
  db: Db,
  params: { credential: string },
): Promise<AgentCredentialMatch | undefined> {
  const hash = await hashApiToken(params.credential);
  const [agent] = await db
    .select()
    .from(agents)
    .where(or(eq(agents.credentialHash, hash), eq(agents.previousCredentialHash, hash)));
  if (!agent) return undefined;
  return { agent, slot: agent.credentialHash === hash ? "current" : "previous" };
}

/**
 * Issues a new credential. The one the agent presented stays valid for a grace period, so an agent whose
 * rotation response was lost can still call in with the credential it holds and rotate again.
 */
export async function rotateAgentCredential(
  db: Db,
  params: { organizationId: string; id: string; presentedCredential: string },
): Promise<{ credential: string; agent: Agent }> {
  const { credential, ...fresh } = await newCredential(Date.now());
  const rows = await db
    .update(agents)
    .set({
      ...fresh,
      previousCredentialHash: await hashApiToken(params.presentedCredential),
      previousCredentialExpiresAt: new Date(Date.now() + AGENT_ROTATION_GRACE_MS),
    })
    .where(
      and(
        eq(agents.organizationId, params.organizationId),
        eq(agents.id, params.id),
        isNull(agents.revokedAt),
      ),
    )
    .returning();
  return { credential, agent: returnedRow(rows, "update agents") };
}

export async function revokeAgentCredential(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<Agent | undefined> {
  const [row] = await db
    .update(agents)
    .set({ revokedAt: new Date() })
    .where(and(eq(agents.organizationId, params.organizationId), eq(agents.id, params.id)))
    .returning();
  return row;
}

/** An organisation's agents, oldest first (the clusters page lists them beside their connections). */
export function listAgents(db: Db, params: { organizationId: string }): Promise<Agent[]> {
  return db
    .select()
    .from(agents)
    .where(eq(agents.organizationId, params.organizationId))
    .orderBy(asc(agents.createdAt));
}

/** The agent serving a Kubernetes connection, which is where deployments to that cluster go. */
export async function getAgentByConnection(db: Db, params: { organizationId: string; connectionId: string }) {
  const [row] = await db
    .select()
    .from(agents)
    .where(
      and(eq(agents.organizationId, params.organizationId), eq(agents.connectionId, params.connectionId)),
    );
  return row;
}

export async function getAgent(db: Db, params: { organizationId: string; id: string }) {
  const [row] = await db
    .select()
    .from(agents)
    .where(and(eq(agents.organizationId, params.organizationId), eq(agents.id, params.id)));
  return row;
}

/**
 * Records a heartbeat and brings the connection back to connected from registered or disconnected.
 * Maintenance, ignored and deleted were chosen by a user (or are final): a heartbeat does not override them.
 */
export async function recordAgentHeartbeat(
  db: Db,
  params: {
    organizationId: string;
    id: string;
    agentVersion: string;
    nodeCount?: number;
    kubernetesVersion?: string;
  },
): Promise<{ agent: Agent; connection: Connection }> {
  const agentRows = await db
    .update(agents)
    .set({ lastHeartbeatAt: new Date(), version: params.agentVersion })
    .where(and(eq(agents.organizationId, params.organizationId), eq(agents.id, params.id)))
    .returning();
  const agent = returnedRow(agentRows, "update agents");
  const facts: Record<string, unknown> = { agentVersion: params.agentVersion };
  if (params.nodeCount !== undefined) facts.nodeCount = params.nodeCount;
  if (params.kubernetesVersion !== undefined) facts.kubernetesVersion = params.kubernetesVersion;
  const connectionRows = await db
    .update(connections)
    .set({
      metadata: sql`${connections.metadata} || ${JSON.stringify(facts)}::jsonb`,
      status: sql`case when ${connections.status} in ('registered', 'disconnected') then 'connected' else ${connections.status} end`,
    })
    .where(and(eq(connections.organizationId, params.organizationId), eq(connections.id, agent.connectionId)))
    .returning();
  return { agent, connection: returnedRow(connectionRows, "update connections") };
}

/**
 * For the liveness workflow: moves connected connections whose agent has not called in since `olderThan`
 * to disconnected. One UPDATE, so a heartbeat that lands first keeps its connection connected.
 */
export async function markSilentAgentsDisconnected(
  db: Db,
  params: { olderThan: Date },
): Promise<{ organizationId: string; connectionId: string }[]> {
  const silentConnections = db
    .select({ id: agents.connectionId })
    .from(agents)
    .where(
      or(
        lt(agents.lastHeartbeatAt, params.olderThan),
        and(isNull(agents.lastHeartbeatAt), lt(agents.createdAt, params.olderThan)),
      ),
    );
  return db
    .update(connections)
    .set({ status: "disconnected" })
    .where(and(eq(connections.status, "connected"), inArray(connections.id, silentConnections)))
    .returning({ organizationId: connections.organizationId, connectionId: connections.id });
}
