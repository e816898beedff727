// DELETE /api/identity/tokens/{id}: revokes one of my tokens; it stops working at once.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listApiTokens, revokeApiToken } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";

const route = createRoute({
  method: "delete",
  path: "/api/identity/tokens/{id}",
  tags: ["tokens"],
  summary: "Revoke an API token",
  request: { params: z.object({ id: z.uuid() }), query: OrgQuery },
  responses: {
    204: { description: "Revoked (or already revoked)" },
    ...openApiErrorResponses,
  },
});

export const registerDeleteToken = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "tokens:manage-own");
    const scope = { organizationId: access.organization.id, userId: access.userId };
    if (!(await revokeApiToken(c.var.db, { ...scope, id }))) {
      const mine = await listApiTokens(c.var.db, scope);
      if (!mine.some((token) => token.id === id))
        throw new ApiError({ code: "NOT_FOUND", message: `No token ${id}` });
      return c.body(null, 204);
    }
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: "token.revoked",
      resourceType: "api_token",
      resourceId: id,
      description: "Revoked an API token",
    });
    return c.body(null, 204);
  });
