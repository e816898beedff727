// POST /api/agents/design-jobs: a user asks a cluster's agent to deploy, undeploy or dry-run a design;
// the job is queued here and the follow-design-job workflow takes it from there.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { enqueueAgentJob, getAgentByConnection, getDesign } from "@meshplane/db/queries";
import { type Design, exportKubernetesObjects } from "@meshplane/design";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { DesignJobBody, toDesignJob } from "./schema";

const Body = z
  .object({
    orgId: z.uuid(),
    connectionId: z.uuid(),
    designId: z.uuid(),
    kind: z.enum(["deploy", "undeploy", "dryRun"]),
    // Deploy only: how long the agent waits for workloads to become healthy (0, the default, does not wait).
    healthTimeoutSeconds: z.number().int().min(0).max(3_600).optional(),
    // A retried request with the same key returns the job it created instead of making another.
    idempotencyKey: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .openapi("DesignJobRequest");

const route = createRoute({
  method: "post",
  path: "/api/agents/design-jobs",
  tags: ["agents"],
  summary: "Deploy, undeploy or dry-run a design on a cluster",
  request: { body: { content: { "application/json": { schema: Body } }, required: true } },
  responses: {
    202: {
      description: "The job, queued for the cluster's agent",
      content: { "application/json": { schema: DesignJobBody } },
    },
    ...openApiErrorResponses,
  },
});

export const registerCreateDesignJob = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const access = await requireOrgAccess(c, body.orgId, "designs:deploy");
    const organizationId = access.organization.id;
    const agent = await getAgentByConnection(c.var.db, { organizationId, connectionId: body.connectionId });
    if (!agent)
      throw new ApiError({ code: "NOT_FOUND", message: `No agent serves connection ${body.connectionId}` });
    const design = await getDesign(c.var.db, { organizationId, id: body.designId });
    if (!design) throw new ApiError({ code: "NOT_FOUND", message: `No design ${body.designId}` });
    const revision = design.currentRevision;
    // Undeploy goes by the inventory the agent keeps, so it needs no objects; the others carry them in apply order.
    const objects =
      body.kind === "undeploy" ? undefined : exportKubernetesObjects((revision?.content ?? {}) as Design);
    const job = await enqueueAgentJob(c.var.db, {
      organizationId,
      agentId: agent.id,
      kind: body.kind,
      payload: {
        designId: design.id,
        ...(revision ? { designVersion: String(revision.number) } : {}),
        ...(objects ? { objects } : {}),
        ...(body.kind === "deploy" && body.healthTimeoutSeconds
          ? { healthTimeoutSeconds: body.healthTimeoutSeconds }
          : {}),
      },
      idempotencyKey: body.idempotencyKey ?? crypto.randomUUID(),
    });
    // The workflow waits for the agent's result and times the job out; a repeated request finds the same run.
    await c.var.workflows.send({
      name: "agents/design-job.requested",
      id: `design-job-${job.id}`,
      data: {
        jobId: job.id,
        organizationId,
        agentId: agent.id,
        connectionId: body.connectionId,
        designId: design.id,
        designName: design.name,
        kind: body.kind,
        ...(body.kind === "deploy" && body.healthTimeoutSeconds
          ? { healthTimeoutSeconds: body.healthTimeoutSeconds }
          : {}),
        requestedById: access.userId,
      },
    });
    await audit(c, {
      organizationId,
      actorId: access.userId,
      action: `design.${body.kind}.requested`,
      resourceType: "design",
      resourceId: design.id,
      description: `Requested ${body.kind} of "${design.name}" on connection ${body.connectionId}`,
      metadata: { jobId: job.id, connectionId: body.connectionId },
    });
    return c.json(toDesignJob(job), 202);
  });
