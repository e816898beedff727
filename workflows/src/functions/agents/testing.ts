// Fixtures for the agent workflows' tests: an organisation with a registered agent and queued jobs.
import { enqueueAgentJob, registerAgent } from "@meshplane/db/queries";
import { createOrganization } from "@meshplane/db/testing";
import type { Db } from "@meshplane/db/types";
import type { WorkflowEvent } from "../../events";

export type AgentFixture = { organizationId: string; agentId: string; connectionId: string };

export async function createAgentFixture(db: Db): Promise<AgentFixture> {
  const { organization, owner } = await createOrganization(db);
  const { agent, connection } = await registerAgent(db, {
    organizationId: organization.id,
    name: `cluster-${crypto.randomUUID().slice(0, 8)}`,
    ownerId: owner.id,
    kubeSystemUid: crypto.randomUUID(),
    kubernetesVersion: "v1.34.1",
    nodeCount: 3,
    agentVersion: "0.1.0",
  });
  return { organizationId: organization.id, agentId: agent.id, connectionId: connection.id };
}

/** Queues a deploy job and returns the event the request route would send for it. */
export async function queueDesignJob(
  db: Db,
  fixture: AgentFixture,
  kind: "deploy" | "undeploy" | "dryRun" = "deploy",
): Promise<WorkflowEvent<"agents/design-job.requested"> & { id: string }> {
  const designId = crypto.randomUUID();
  const job = await enqueueAgentJob(db, {
    organizationId: fixture.organizationId,
    agentId: fixture.agentId,
    kind,
    payload: { designId, objects: [] },
    idempotencyKey: crypto.randomUUID(),
  });
  return {
    name: "agents/design-job.requested",
    id: `design-job-${job.id}`,
    data: {
      jobId: job.id,
      organizationId: fixture.organizationId,
      agentId: fixture.agentId,
      connectionId: fixture.connectionId,
      designId,
      designName: "shop",
      kind,
      requestedById: null,
    },
  };
}

export function finished(
  request: WorkflowEvent<"agents/design-job.requested">,
  status: "succeeded" | "failed",
  late = false,
): WorkflowEvent<"agents/job.finished"> {
  return {
    name: "agents/job.finished",
    id: `agent-job-finished-${request.data.jobId}${late ? "-late" : ""}`,
    data: {
      jobId: request.data.jobId,
      organizationId: request.data.organizationId,
      agentId: request.data.agentId,
      status,
      ...(late ? { late } : {}),
    },
  };
}
