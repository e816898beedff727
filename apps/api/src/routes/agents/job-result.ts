// POST /api/agents/jobs/{id}/result: the job's outcome, recorded once; an identical repeat is accepted.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { reportAgentJobResult } from "@meshplane/db/queries";
import { requireAgent } from "../../auth/agent-guard";
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
    const { job, changed } = await reportAgentJobResult(c.var.db, {
      organizationId: actor.organizationId,
      agentId: actor.agentId,
      id: c.req.valid("param").id,
      status: body.status,
      result: body.result ?? null,
      error: body.error ?? null,
    });
    return c.json({ id: job.id, status: job.status, changed }, 200);
  });
