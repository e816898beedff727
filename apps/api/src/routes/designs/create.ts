// POST /api/designs: saves a Meshery design as revision 1, after validation and relationship evaluation.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createDesign } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { evaluated, validDesign } from "./pipeline";
import { DesignBody, toDesign } from "./schema";

const Body = z
  .object({
    orgId: z.uuid(),
    workspaceId: z.uuid().optional(),
    name: z.string().trim().min(1).max(255).optional(),
    description: z.string().max(5000).optional(),
    design: z.record(z.string(), z.unknown()),
  })
  .strict()
  .openapi("NewDesign");

const route = createRoute({
  method: "post",
  path: "/api/designs",
  tags: ["designs"],
  summary: "Create a design",
  request: { body: { content: { "application/json": { schema: Body } }, required: true } },
  responses: {
    201: { description: "The design, evaluated", content: { "application/json": { schema: DesignBody } } },
    ...openApiErrorResponses,
  },
});

export const registerCreateDesign = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const access = await requireOrgAccess(c, body.orgId, "designs:write");
    const design = validDesign(body.design);
    if (body.name) design.name = body.name;
    const result = evaluated(design);
    const { design: row, revision } = await createDesign(c.var.db, {
      organizationId: access.organization.id,
      workspaceId: body.workspaceId ?? null,
      ownerId: access.userId,
      name: result.design.name,
      description: body.description ?? "",
      content: result.design,
      message: "Created",
    });
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: "design.created",
      resourceType: "design",
      resourceId: row.id,
      description: `Created design "${row.name}"`,
    });
    return c.json(toDesign(row, revision), 201);
  });
