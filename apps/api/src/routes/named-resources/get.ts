// GET <path>/{id}: one resource of the organisation; another organisation's id answers 404.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { NamedResourceBody, type NamedResourceSpec, OrgQuery, orgIdOf, toNamedResource } from "./spec";

export function registerGetNamed(app: OpenAPIHono<AppEnv>, spec: NamedResourceSpec) {
  const route = createRoute({
    method: "get",
    path: `${spec.path}/{id}`,
    tags: [spec.tag],
    summary: `Get a ${spec.singular}`,
    request: { params: z.object({ id: z.uuid() }), query: OrgQuery },
    responses: {
      200: {
        description: `The ${spec.singular}`,
        content: { "application/json": { schema: NamedResourceBody } },
      },
      ...openApiErrorResponses,
    },
  });
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), spec.read);
    const row = await spec.queries.get(c.var.db, { organizationId: access.organization.id, id });
    if (!row) throw new ApiError({ code: "NOT_FOUND", message: `No ${spec.singular} ${id}` });
    return c.json(toNamedResource(row), 200);
  });
}
