// POST /api/agents/jobs/{id}/ack: the agent has the job; acknowledging again changes nothing.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { acknowledgeAgentJob } from "@meshplane/db/queries";
import { requireAgent } from "../../auth/agent-guard";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { agentSecurity, JobIdParam } from "./schema";

const Acknowledged = z.object({ id: z.uuid(), status: z.string() }).openapi("AgentJobAck");

const route = createRoute({
  method: "post",
  path: "/api/agents/jobs/{id}/ack",
  tags: ["agents"],
  summary: "Acknowledge a delivered job",
  security: agentSecurity,
  request: { params: JobIdParam },
  responses: {
    200: { description: "The job's status", content: { "application/json": { schema: Acknowledged } } },
    ...openApiErrorResponses,
  },
});

export const registerAcknowledgeAgentJob = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const actor = await requireAgent(c);
    const job = await acknowledgeAgentJob(c.var.db, {
      organizationId: actor.organizationId,
      agentId: actor.agentId,
      id: c.req.valid("param").id,
    });
    return c.json({ id: job.id, status: job.status }, 200);
  });
