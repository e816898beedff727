// GET /api/identity/orgs/{orgId}/users/keys: the caller's effective permission keys in one organisation.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";

const route = createRoute({
  method: "get",
  path: "/api/identity/orgs/{orgId}/users/keys",
  tags: ["identity"],
  summary: "My effective permission keys in an organisation",
  request: { params: z.object({ orgId: z.uuid() }) },
  responses: {
    200: {
      description: "Keys granted by my roles (and narrowed by my token's scopes)",
      content: {
        "application/json": {
          schema: z.object({
            organizationId: z.uuid(),
            roleNames: z.array(z.string()),
            keys: z.array(z.string()),
          }),
        },
      },
    },
    ...openApiErrorResponses,
  },
});

export const registerGetOrganizationKeys = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const access = await requireOrgAccess(c, c.req.valid("param").orgId);
    return c.json(
      { organizationId: access.organization.id, roleNames: access.organization.roleKeys, keys: access.keys },
      200,
    );
  });
