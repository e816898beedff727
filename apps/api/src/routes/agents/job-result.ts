// POST /api/agents/jobs/{id}/result: the job's outcome, recorded once (an identical repeat is accepted),
// then announced to the workflow that follows the job.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { DomainError, recordLateAgentJobResult, reportAgentJobResult } from "@meshplane/db/queries";
import { agentRunReported, agentRunReportedEvent } from "@meshplane/workflows/performance";
import type { Context } from "hono";
import { requireAgent } from "../../auth/agent-guard";
import { audit } from "../../auth/audit";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { agentSecurity, JobIdParam } from "./schema";

const Body = z
  .object({
    status: z.enum(["succeeded", "failed"]),
    result: z.unknown().optional(),
    error: z.string().max(10_000).nullable().optional(),
  })
  .strict()
  .openapi("AgentJobResult");

const Recorded = z
  .object({ id: z.uuid(), status: z.string(), changed: z.boolean() })
  .openapi("AgentJobResultRecorded");

const route = createRoute({
  method: "post",
  path: "/api/agents/jobs/{id}/result",
  tags: ["agents"],
  summary: "Report a job's outcome",
  security: agentSecurity,
  request: {
    params: JobIdParam,
    body: { content: { "application/json": { schema: Body } }, required: true },
  },
  responses: {
    200: {
      description: "Recorded, or already recorded identically",
      content: { "application/json": { schema: Recorded } },
    },
    ...openApiErrorResponses,
  },
});

export const registerReportAgentJobResult = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const actor = await requireAgent(c);
    const body = c.req.valid("json");
    const outcome = {
      organizationId: actor.organizationId,
      agentId: actor.agentId,
      id: c.req.valid("param").id,
      status: body.status,
      result: body.result ?? null,
      error: body.error ?? null,
    };
    try {
      const { job, changed } = await reportAgentJobResult(c.var.db, outcome);
      // Only the first report wakes the workflow; a repeat changed nothing and carries the same event id anyway.
      if (changed) {
        await announceFinished(c, { ...outcome, late: false });
        // The last agent of an in-cluster load test to report wakes the workflow that merges them.
        const run = await agentRunReported(c.var.db, job);
        if (run) await c.var.workflows.send(agentRunReportedEvent(run));
      }
      return c.json({ id: job.id, status: job.status, changed }, 200);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "conflict")) throw error;
      // The workflow gave up waiting; what the agent then did in the cluster still wins over the timeout.
      const late = await recordLateAgentJobResult(c.var.db, outcome);
      if (!late) throw error;
      await announceFinished(c, { ...outcome, late: true });
      await audit(c, {
        organizationId: actor.organizationId,
        actorId: null,
        action: "agent.job.late_result",
        resourceType: "agent_job",
        resourceId: late.id,
        description: `The agent reported the ${late.kind} job as ${late.status} after it had timed out`,
        metadata: { agentId: actor.agentId },
      });
      return c.json({ id: late.id, status: late.status, changed: true }, 200);
    }
  });

function announceFinished(
  c: Context<AppEnv>,
  params: {
    organizationId: string;
    agentId: string;
    id: string;
    status: "succeeded" | "failed";
    late: boolean;
  },
) {
  return c.var.workflows.send({
    name: "agents/job.finished",
    id: `agent-job-finished-${params.id}${params.late ? "-late" : ""}`,
    data: {
      jobId: params.id,
      organizationId: params.organizationId,
      agentId: params.agentId,
      status: params.status,
      ...(params.late ? { late: true } : {}),
    },
  });
}
