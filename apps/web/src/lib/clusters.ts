// The organisation's clusters: agents beside their Kubernetes connections, install commands, jobs, inventory.
import { z } from "zod";
import { ApiError, callApi } from "./api-client";

const agentSchema = z.looseObject({
  id: z.string(),
  connectionId: z.string(),
  kubeSystemUid: z.string(),
  version: z.string().nullable(),
  lastHeartbeatAt: z.string().nullable(),
  credentialExpiresAt: z.string(),
  revoked: z.boolean(),
  createdAt: z.string(),
});
export type Agent = z.infer<typeof agentSchema>;

const connectionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  status: z.string(),
  metadata: z.record(z.string(), z.unknown()).default({}),
});
export type ClusterConnection = z.infer<typeof connectionSchema>;

/** One row of the clusters page: the connection's facts (from registration and heartbeats) and its agent. */
export type Cluster = {
  connectionId: string;
  agentId: string | null;
  name: string;
  status: string;
  kubernetesVersion: string | null;
  nodeCount: number | null;
  agentVersion: string | null;
  lastHeartbeatAt: string | null;
  revoked: boolean;
  credentialExpiresAt: string | null;
  /** Set by the credential workflow when the agent has not rotated its credential in time. */
  credentialNote: string | null;
};

const jobSchema = z.looseObject({
  id: z.string(),
  kind: z.string(),
  status: z.enum(["queued", "delivered", "acknowledged", "succeeded", "failed"]),
  attempts: z.number(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  designId: z.string().nullable().optional(),
});
export type ClusterJob = z.infer<typeof jobSchema>;

const bootstrapSchema = z.looseObject({
  token: z.string(),
  expiresAt: z.string(),
  installCommand: z.string(),
});
export type BootstrapToken = z.infer<typeof bootstrapSchema>;

export async function listClusters(token: string, orgId: string): Promise<Cluster[]> {
  const [agents, connections] = await Promise.all([
    callApi(token, "/api/agents", z.looseObject({ agents: z.array(agentSchema) }), { query: { orgId } }),
    callApi(
      token,
      "/api/integrations/connections",
      z.looseObject({ connections: z.array(connectionSchema) }),
      {
        query: { orgId, kind: "kubernetes", page: "0", pagesize: "100" },
      },
    ),
  ]);
  return clustersOf(agents.agents, connections.connections);
}

/** Kubernetes connections with their agent, if one serves them; deleted connections are left out. */
export function clustersOf(agents: Agent[], connections: ClusterConnection[]): Cluster[] {
  const agentOf = new Map(agents.map((agent) => [agent.connectionId, agent]));
  return connections
    .filter((connection) => connection.kind === "kubernetes" && connection.status !== "deleted")
    .map((connection) => {
      const agent = agentOf.get(connection.id);
      const facts = connection.metadata;
      const note = facts.credentialNote as { message?: unknown } | undefined;
      return {
        connectionId: connection.id,
        agentId: agent?.id ?? null,
        name: connection.name,
        status: connection.status,
        kubernetesVersion: typeof facts.kubernetesVersion === "string" ? facts.kubernetesVersion : null,
        nodeCount: typeof facts.nodeCount === "number" ? facts.nodeCount : null,
        agentVersion: agent?.version ?? (typeof facts.agentVersion === "string" ? facts.agentVersion : null),
        lastHeartbeatAt: agent?.lastHeartbeatAt ?? null,
        revoked: agent?.revoked ?? false,
        credentialExpiresAt: agent?.credentialExpiresAt ?? null,
        credentialNote: typeof note?.message === "string" ? note.message : null,
      };
    });
}

export function createBootstrapToken(token: string, orgId: string, name?: string): Promise<BootstrapToken> {
  return callApi(token, "/api/agents/bootstrap-tokens", bootstrapSchema, {
    method: "POST",
    body: { orgId, ...(name ? { name } : {}) },
  });
}

export async function revokeAgent(token: string, orgId: string, agentId: string): Promise<void> {
  await callApi(token, `/api/agents/${encodeURIComponent(agentId)}/revoke`, z.unknown(), {
    method: "POST",
    query: { orgId },
  });
}

export async function listClusterJobs(token: string, orgId: string, agentId: string): Promise<ClusterJob[]> {
  const body = await callApi(
    token,
    `/api/agents/${encodeURIComponent(agentId)}/jobs`,
    z.looseObject({ jobs: z.array(jobSchema) }),
    { query: { orgId, limit: "20" } },
  );
  return body.jobs;
}

export function createDesignJob(
  token: string,
  body: { orgId: string; connectionId: string; designId: string; kind: "deploy" | "undeploy" | "dryRun" },
): Promise<ClusterJob> {
  return callApi(token, "/api/agents/design-jobs", jobSchema, { method: "POST", body });
}

export function getDesignJob(token: string, orgId: string, jobId: string): Promise<ClusterJob> {
  return callApi(token, `/api/agents/design-jobs/${encodeURIComponent(jobId)}`, jobSchema, {
    query: { orgId },
  });
}

const inventoryObjectSchema = z.looseObject({
  uid: z.string(),
  kind: z.string(),
  namespace: z.string().default(""),
  name: z.string(),
  apiVersion: z.string().optional(),
  labels: z.record(z.string(), z.string()).default({}),
});
export type InventoryObject = z.infer<typeof inventoryObjectSchema>;
const inventoryPageSchema = z.looseObject({
  objects: z.array(inventoryObjectSchema),
  next: z.string().nullable(),
});
const inventoryKindsSchema = z.looseObject({
  kinds: z.array(z.looseObject({ apiGroup: z.string().default(""), kind: z.string(), count: z.number() })),
  total: z.number().optional(),
});

export type InventoryFilter = { kind?: string; namespace?: string; q?: string; cursor?: string };
export type InventoryView =
  | {
      state: "ready";
      kinds: z.infer<typeof inventoryKindsSchema>["kinds"];
      objects: InventoryObject[];
      next: string | null;
    }
  | { state: "missing" };

/**
 * A page of the connection's inventory. The inventory routes are built separately; until they answer,
 * the API says 404 with no such route, and the page says so rather than failing.
 */
export async function readInventory(
  token: string,
  orgId: string,
  connectionId: string,
  filter: InventoryFilter,
): Promise<InventoryView> {
  const base = `/api/connections/${encodeURIComponent(connectionId)}/inventory`;
  const query: Record<string, string> = { orgId };
  for (const key of ["kind", "namespace", "q", "cursor"] as const) {
    const value = filter[key];
    if (value) query[key] = value;
  }
  try {
    const [kinds, page] = await Promise.all([
      callApi(token, `${base}/kinds`, inventoryKindsSchema, { query: { orgId } }),
      callApi(token, base, inventoryPageSchema, { query }),
    ]);
    return { state: "ready", kinds: kinds.kinds, objects: page.objects, next: page.next };
  } catch (error) {
    // "No route for ..." is the API's answer to a path it does not serve, unlike a connection it does not know.
    if (error instanceof ApiError && error.status === 404 && /^No route for /.test(error.message)) {
      return { state: "missing" };
    }
    throw error;
  }
}

/** One cluster by its connection id; undefined when the organisation has no such Kubernetes connection. */
export async function getCluster(
  token: string,
  orgId: string,
  connectionId: string,
): Promise<Cluster | undefined> {
  return (await listClusters(token, orgId)).find((cluster) => cluster.connectionId === connectionId);
}
