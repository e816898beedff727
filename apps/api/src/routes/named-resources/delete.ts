// DELETE <path>/{id}: removes a resource of the organisation and its links.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { type NamedResourceSpec, OrgQuery, orgIdOf } from "./spec";

export function registerDeleteNamed(app: OpenAPIHono<AppEnv>, spec: NamedResourceSpec) {
  const route = createRoute({
    method: "delete",
    path: `${spec.path}/{id}`,
    tags: [spec.tag],
    summary: `Delete a ${spec.singular}`,
    request: { params: z.object({ id: z.uuid() }), query: OrgQuery },
    responses: { 204: { description: "Deleted" }, ...openApiErrorResponses },
  });
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), spec.manage);
    if (!(await spec.queries.delete(c.var.db, { organizationId: access.organization.id, id }))) {
      throw new ApiError({ code: "NOT_FOUND", message: `No ${spec.singular} ${id}` });
    }
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: `${spec.singular}.deleted`,
      resourceType: spec.singular,
      resourceId: id,
      description: `Deleted a ${spec.singular}`,
    });
    return c.body(null, 204);
  });
}
