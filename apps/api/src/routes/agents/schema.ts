// Wire shapes of the agent channel: cluster facts, issued credentials, jobs and their outcomes.
import { z } from "@hono/zod-openapi";
import type { AgentJob } from "@meshplane/db/queries";

export const ClusterFacts = z.object({
  kubeSystemUid: z.string().trim().min(1).max(128),
  kubernetesVersion: z.string().trim().min(1).max(64),
  nodeCount: z.number().int().min(0).max(1_000_000),
  agentVersion: z.string().trim().min(1).max(64),
});

export const IssuedCredential = z
  .object({
    agentId: z.uuid(),
    organizationId: z.uuid(),
    connectionId: z.uuid(),
    credential: z.string().openapi({ description: "Shown once; only its hash is stored" }),
    credentialExpiresAt: z.string(),
  })
  .openapi("AgentCredential");

export const AgentJobBody = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    payload: z.record(z.string(), z.unknown()),
    attempts: z.number().int(),
    createdAt: z.string(),
  })
  .openapi("AgentJob");

/** `{id}` of a job or an agent. */
export const JobIdParam = z.object({ id: z.uuid() });

export const agentSecurity = [{ agentCredential: [] }];

export const DesignJobBody = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    status: z.enum(["queued", "delivered", "acknowledged", "succeeded", "failed"]),
    attempts: z.number().int(),
    result: z.unknown().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi("DesignJob");

export function toDesignJob(job: AgentJob): z.infer<typeof DesignJobBody> {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    attempts: job.attempts,
    result: job.result ?? null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    deliveredAt: job.deliveredAt?.toISOString() ?? null,
    acknowledgedAt: job.acknowledgedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
