// GET, PUT (rename, redescribe, or save new content as the next revision) and DELETE of one design.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { deleteDesign, getDesign, saveDesignRevision, updateDesign } from "@meshplane/db/queries";
import type { Context } from "hono";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { evaluated, validDesign } from "./pipeline";
import { DesignBody, DesignParams, toDesign } from "./schema";

const request = { params: DesignParams, query: OrgQuery };
const path = "/api/designs/{id}";

const Update = z
  .object({
    name: z.string().trim().min(1).max(255).optional(),
    description: z.string().max(5000).optional(),
    design: z.record(z.string(), z.unknown()).optional(),
    message: z.string().max(500).optional().openapi({ description: "What this revision changes" }),
  })
  .strict()
  .openapi("DesignUpdate");

const designResponse = {
  200: { description: "The design", content: { "application/json": { schema: DesignBody } } },
  ...openApiErrorResponses,
};

const getRoute = createRoute({
  method: "get",
  path,
  tags: ["designs"],
  summary: "Get a design",
  request,
  responses: designResponse,
});
const putRoute = createRoute({
  method: "put",
  path,
  tags: ["designs"],
  summary: "Update a design; new content becomes the next revision",
  request: { ...request, body: { content: { "application/json": { schema: Update } }, required: true } },
  responses: designResponse,
});
const deleteRoute = createRoute({
  method: "delete",
  path,
  tags: ["designs"],
  summary: "Delete a design and its history",
  request,
  responses: { 204: { description: "Deleted" }, ...openApiErrorResponses },
});

export async function designOf(c: Context<AppEnv>, organizationId: string, id: string) {
  const design = await getDesign(c.var.db, { organizationId, id });
  if (!design) throw new ApiError({ code: "NOT_FOUND", message: `No design ${id}` });
  return design;
}

export const registerDesignById = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(getRoute, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "designs:read");
    const design = await designOf(c, access.organization.id, c.req.valid("param").id);
    return c.json(toDesign(design, design.currentRevision), 200);
  });
  app.openapi(putRoute, async (c) => {
    const { id } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "designs:write");
    const organizationId = access.organization.id;
    const body = c.req.valid("json");
    const current = await designOf(c, organizationId, id);
    if (body.design) {
      const design = validDesign(body.design);
      design.name = body.name ?? current.name;
      await saveDesignRevision(c.var.db, {
        organizationId,
        designId: id,
        content: evaluated(design).design,
        message: body.message ?? "Saved",
        authorId: access.userId,
      });
    }
    if (body.name !== undefined || body.description !== undefined) {
      await updateDesign(c.var.db, {
        organizationId,
        id,
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
      });
    }
    const saved = await designOf(c, organizationId, id);
    await audit(c, {
      organizationId,
      actorId: access.userId,
      action: "design.updated",
      resourceType: "design",
      resourceId: id,
      description: body.design
        ? `Saved revision ${saved.latestRevisionNumber} of "${saved.name}"`
        : `Renamed "${saved.name}"`,
    });
    return c.json(toDesign(saved, saved.currentRevision), 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "designs:write");
    if (!(await deleteDesign(c.var.db, { organizationId: access.organization.id, id }))) {
      throw new ApiError({ code: "NOT_FOUND", message: `No design ${id}` });
    }
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: "design.deleted",
      resourceType: "design",
      resourceId: id,
      description: "Deleted a design",
    });
    return c.body(null, 204);
  });
};
