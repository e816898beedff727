// POST /api/agents/{id}/revoke: cuts an agent off at once; only a new bootstrap token brings the cluster back.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { revokeAgentCredential } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { AgentSummary, toAgentSummary } from "./list";
import { JobIdParam } from "./schema";

const route = createRoute({
  method: "post",
  path: "/api/agents/{id}/revoke",
  tags: ["agents"],
  summary: "Revoke an agent's credential",
  request: { params: JobIdParam, query: OrgQuery },
  responses: {
    200: { description: "The revoked agent", content: { "application/json": { schema: AgentSummary } } },
    ...openApiErrorResponses,
  },
});

export const registerRevokeAgent = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "connections:manage");
    const { id } = c.req.valid("param");
    const agent = await revokeAgentCredential(c.var.db, { organizationId: access.organization.id, id });
    if (!agent) throw new ApiError({ code: "NOT_FOUND", message: `No agent ${id}` });
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: "agent.revoked",
      resourceType: "agent",
      resourceId: agent.id,
      description: "Revoked an agent's credential",
    });
    return c.json(toAgentSummary(agent), 200);
  });
