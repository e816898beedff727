// POST /api/agents/heartbeat: the agent is alive; its connection returns to connected if it had dropped.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { recordAgentHeartbeat } from "@meshplane/db/queries";
import { requireAgent } from "../../auth/agent-guard";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { agentSecurity, ClusterFacts } from "./schema";

// Well under the liveness cut-off, so one lost heartbeat does not mark a cluster disconnected.
export const HEARTBEAT_SECONDS = 30;

const Body = ClusterFacts.pick({ agentVersion: true })
  .extend(ClusterFacts.pick({ nodeCount: true, kubernetesVersion: true }).partial().shape)
  .strict()
  .openapi("AgentHeartbeat");

const Answer = z
  .object({ connectionId: z.uuid(), status: z.string(), nextHeartbeatSeconds: z.number().int() })
  .openapi("AgentHeartbeatAnswer");

const route = createRoute({
  method: "post",
  path: "/api/agents/heartbeat",
  tags: ["agents"],
  summary: "Report that the calling agent is alive",
  security: agentSecurity,
  request: { body: { content: { "application/json": { schema: Body } }, required: true } },
  responses: {
    200: { description: "The connection's status", content: { "application/json": { schema: Answer } } },
    ...openApiErrorResponses,
  },
});

export const registerAgentHeartbeat = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const actor = await requireAgent(c);
    const body = c.req.valid("json");
    const { connection } = await recordAgentHeartbeat(c.var.db, {
      organizationId: actor.organizationId,
      id: actor.agentId,
      agentVersion: body.agentVersion,
      ...(body.nodeCount === undefined ? {} : { nodeCount: body.nodeCount }),
      ...(body.kubernetesVersion === undefined ? {} : { kubernetesVersion: body.kubernetesVersion }),
    });
    return c.json(
      { connectionId: connection.id, status: connection.status, nextHeartbeatSeconds: HEARTBEAT_SECONDS },
      200,
    );
  });
