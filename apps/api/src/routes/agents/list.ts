// GET /api/agents: an organisation's agents for the clusters page: version, last heartbeat, credential state.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { type Agent, listAgents } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";

export const AgentSummary = z
  .object({
    id: z.uuid(),
    connectionId: z.uuid(),
    kubeSystemUid: z.string(),
    version: z.string().nullable(),
    lastHeartbeatAt: z.string().nullable(),
    credentialExpiresAt: z.string(),
    revoked: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("AgentSummary");

export function toAgentSummary(agent: Agent): z.infer<typeof AgentSummary> {
  return {
    id: agent.id,
    connectionId: agent.connectionId,
    kubeSystemUid: agent.kubeSystemUid,
    version: agent.version,
    lastHeartbeatAt: agent.lastHeartbeatAt?.toISOString() ?? null,
    credentialExpiresAt: agent.credentialExpiresAt.toISOString(),
    revoked: agent.revokedAt !== null,
    createdAt: agent.createdAt.toISOString(),
  };
}

const route = createRoute({
  method: "get",
  path: "/api/agents",
  tags: ["agents"],
  summary: "List the organisation's agents",
  request: { query: OrgQuery },
  responses: {
    200: {
      description: "The agents, oldest first",
      content: { "application/json": { schema: z.object({ agents: z.array(AgentSummary) }) } },
    },
    ...openApiErrorResponses,
  },
});

export const registerListAgents = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "connections:read");
    const agents = await listAgents(c.var.db, { organizationId: access.organization.id });
    return c.json({ agents: agents.map(toAgentSummary) }, 200);
  });
