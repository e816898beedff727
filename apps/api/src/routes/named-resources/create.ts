// POST <path>: creates a resource in the organisation named by `organizationId` in the body.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { NamedFieldsBody, NamedResourceBody, type NamedResourceSpec, toNamedResource } from "./spec";

export function registerCreateNamed(app: OpenAPIHono<AppEnv>, spec: NamedResourceSpec) {
  const Body = NamedFieldsBody.extend({ organizationId: z.uuid() }).strict();
  const route = createRoute({
    method: "post",
    path: spec.path,
    tags: [spec.tag],
    summary: `Create a ${spec.singular}`,
    request: { body: { content: { "application/json": { schema: Body } }, required: true } },
    responses: {
      201: {
        description: `The new ${spec.singular}`,
        content: { "application/json": { schema: NamedResourceBody } },
      },
      ...openApiErrorResponses,
    },
  });
  app.openapi(route, async (c) => {
    const { organizationId, ...fields } = c.req.valid("json");
    const access = await requireOrgAccess(c, organizationId, spec.manage);
    const row = await spec.queries.create(c.var.db, { ...fields, organizationId, ownerId: access.userId });
    await audit(c, {
      organizationId,
      actorId: access.userId,
      action: `${spec.singular}.created`,
      resourceType: spec.singular,
      resourceId: row.id,
      description: `Created ${spec.singular} "${row.name}"`,
    });
    return c.json(toNamedResource(row), 201);
  });
}
