// GET /api/identity/tokens: my API tokens in one organisation, newest first, revoked ones included.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listApiTokens } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { ApiTokenBody, toApiToken } from "./schema";

const route = createRoute({
  method: "get",
  path: "/api/identity/tokens",
  tags: ["tokens"],
  summary: "List my API tokens",
  request: { query: OrgQuery },
  responses: {
    200: {
      description: "My tokens",
      content: { "application/json": { schema: z.object({ tokens: z.array(ApiTokenBody) }) } },
    },
    ...openApiErrorResponses,
  },
});

export const registerListTokens = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "tokens:manage-own");
    const tokens = await listApiTokens(c.var.db, {
      organizationId: access.organization.id,
      userId: access.userId,
    });
    return c.json({ tokens: tokens.map(toApiToken) }, 200);
  });
