// A design's history: list revisions, read one, diff two, restore one as the newest revision.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getDesignRevision, listDesignRevisions, saveDesignRevision } from "@meshplane/db/queries";
import { type Design, diffDesigns } from "@meshplane/design";
import type { Context } from "hono";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { designOf } from "./by-id";
import { DesignBody, DesignParams, RevisionBody, toDesign, toRevision } from "./schema";

const tags = ["designs"];
const RevisionParams = DesignParams.extend({ number: z.coerce.number().int().min(1) });

const listRoute = createRoute({
  method: "get",
  path: "/api/designs/{id}/revisions",
  tags,
  summary: "List a design's revisions, newest first",
  request: { params: DesignParams, query: OrgQuery },
  responses: {
    200: {
      description: "Revisions",
      content: { "application/json": { schema: z.object({ revisions: z.array(RevisionBody) }) } },
    },
    ...openApiErrorResponses,
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/designs/{id}/revisions/{number}",
  tags,
  summary: "Read one revision",
  request: { params: RevisionParams, query: OrgQuery },
  responses: {
    200: {
      description: "The revision and its content",
      content: {
        "application/json": { schema: RevisionBody.extend({ design: z.record(z.string(), z.unknown()) }) },
      },
    },
    ...openApiErrorResponses,
  },
});

const diffRoute = createRoute({
  method: "get",
  path: "/api/designs/{id}/diff",
  tags,
  summary: "Compare two revisions",
  request: {
    params: DesignParams,
    query: OrgQuery.extend({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
  },
  responses: {
    200: {
      description: "What changed from `from` to `to`",
      content: { "application/json": { schema: z.record(z.string(), z.unknown()).openapi("DesignDiff") } },
    },
    ...openApiErrorResponses,
  },
});

const restoreRoute = createRoute({
  method: "post",
  path: "/api/designs/{id}/revisions/{number}/restore",
  tags,
  summary: "Restore a revision: its content becomes the newest revision",
  request: { params: RevisionParams, query: OrgQuery },
  responses: {
    200: { description: "The design, restored", content: { "application/json": { schema: DesignBody } } },
    ...openApiErrorResponses,
  },
});

async function revisionOf(c: Context<AppEnv>, organizationId: string, designId: string, number: number) {
  const revision = await getDesignRevision(c.var.db, { organizationId, designId, number });
  if (!revision)
    throw new ApiError({ code: "NOT_FOUND", message: `No revision ${number} of design ${designId}` });
  return revision;
}

export const registerDesignRevisions = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(listRoute, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "designs:read");
    const { id } = c.req.valid("param");
    await designOf(c, access.organization.id, id);
    const revisions = await listDesignRevisions(c.var.db, {
      organizationId: access.organization.id,
      designId: id,
    });
    return c.json({ revisions: revisions.map(toRevision) }, 200);
  });
  app.openapi(getRoute, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "designs:read");
    const { id, number } = c.req.valid("param");
    const revision = await revisionOf(c, access.organization.id, id, number);
    return c.json({ ...toRevision(revision), design: revision.content }, 200);
  });
  app.openapi(diffRoute, async (c) => {
    const query = c.req.valid("query");
    const access = await requireOrgAccess(c, orgIdOf(query), "designs:read");
    const { id } = c.req.valid("param");
    const [from, to] = await Promise.all([
      revisionOf(c, access.organization.id, id, query.from),
      revisionOf(c, access.organization.id, id, query.to),
    ]);
    return c.json(
      { from: query.from, to: query.to, ...diffDesigns(from.content as Design, to.content as Design) },
      200,
    );
  });
  app.openapi(restoreRoute, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "designs:write");
    const { id, number } = c.req.valid("param");
    const organizationId = access.organization.id;
    const revision = await revisionOf(c, organizationId, id, number);
    await saveDesignRevision(c.var.db, {
      organizationId,
      designId: id,
      content: revision.content,
      message: `Restored revision ${number}`,
      authorId: access.userId,
    });
    const design = await designOf(c, organizationId, id);
    await audit(c, {
      organizationId,
      actorId: access.userId,
      action: "design.restored",
      resourceType: "design",
      resourceId: id,
      description: `Restored revision ${number} of "${design.name}" as revision ${design.latestRevisionNumber}`,
    });
    return c.json(toDesign(design, design.currentRevision), 200);
  });
};
