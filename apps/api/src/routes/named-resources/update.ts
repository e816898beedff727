// PUT <path>/{id}: renames or redescribes a resource of the organisation.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import {
  NamedFieldsBody,
  NamedResourceBody,
  type NamedResourceSpec,
  OrgQuery,
  orgIdOf,
  toNamedResource,
} from "./spec";

export function registerUpdateNamed(app: OpenAPIHono<AppEnv>, spec: NamedResourceSpec) {
  const route = createRoute({
    method: "put",
    path: `${spec.path}/{id}`,
    tags: [spec.tag],
    summary: `Update a ${spec.singular}`,
    request: {
      params: z.object({ id: z.uuid() }),
      query: OrgQuery,
      body: { content: { "application/json": { schema: NamedFieldsBody } }, required: true },
    },
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
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), spec.manage);
    const row = await spec.queries.update(c.var.db, {
      ...c.req.valid("json"),
      organizationId: access.organization.id,
      id,
    });
    if (!row) throw new ApiError({ code: "NOT_FOUND", message: `No ${spec.singular} ${id}` });
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: `${spec.singular}.updated`,
      resourceType: spec.singular,
      resourceId: id,
      description: `Updated ${spec.singular} "${row.name}"`,
    });
    return c.json(toNamedResource(row), 200);
  });
}
