// Wire shapes of the agent channel: cluster facts, issued credentials, jobs and their outcomes.
import { z } from "@hono/zod-openapi";

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

export const JobIdParam = z.object({ id: z.uuid() });

export const agentSecurity = [{ agentCredential: [] }];
