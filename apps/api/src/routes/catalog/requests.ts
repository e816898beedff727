// Publication requests: an author asks (POST /api/designs/{id}/publication-requests) and sees the outcome and reason.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getCatalogEntryForDesign, listPublicationRequests, requestPublication } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { designOf } from "../designs/by-id";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import {
  CatalogEntryBody,
  CatalogFieldsBody,
  PublicationRequestBody,
  toCatalogEntry,
  toPublicationRequest,
} from "./schema";

const path = "/api/designs/{id}/publication-requests";
const params = z.object({ id: z.uuid() });

const createRequest = createRoute({
  method: "post",
  path,
  tags: ["catalog"],
  summary: "Ask the curators to publish a design's current revision",
  request: {
    params,
    query: OrgQuery,
    body: { content: { "application/json": { schema: CatalogFieldsBody } }, required: true },
  },
  responses: {
    201: {
      description: "Waiting for review",
      content: { "application/json": { schema: PublicationRequestBody } },
    },
    ...openApiErrorResponses,
  },
});

const listRequests = createRoute({
  method: "get",
  path,
  tags: ["catalog"],
  summary: "The design's publication requests and their outcomes, and its catalog entry if published",
  request: { params, query: OrgQuery },
  responses: {
    200: {
      description: "Requests, newest first; the entry is null while the design is not published",
      content: {
        "application/json": {
          schema: z.object({ requests: z.array(PublicationRequestBody), entry: CatalogEntryBody.nullable() }),
        },
      },
    },
    ...openApiErrorResponses,
  },
});

export const registerPublicationRequests = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(createRequest, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "catalog:publish");
    const organizationId = access.organization.id;
    const design = await designOf(c, organizationId, c.req.valid("param").id);
    const request = await requestPublication(c.var.db, {
      organizationId,
      designId: design.id,
      requestedById: access.userId,
      ...c.req.valid("json"),
    });
    await c.var.workflows.send({
      name: "catalog/publication.requested",
      id: `publication-${request.id}`,
      data: { requestId: request.id, organizationId, designId: design.id, designName: design.name },
    });
    await audit(c, {
      organizationId,
      actorId: access.userId,
      action: "catalog.publication_requested",
      resourceType: "design",
      resourceId: design.id,
      description: `Asked to publish "${design.name}" revision ${design.latestRevisionNumber}`,
    });
    return c.json(toPublicationRequest(request), 201);
  });
  app.openapi(listRequests, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "designs:read");
    const design = await designOf(c, access.organization.id, c.req.valid("param").id);
    const scope = { organizationId: access.organization.id, designId: design.id };
    const [rows, entry] = await Promise.all([
      listPublicationRequests(c.var.db, scope),
      getCatalogEntryForDesign(c.var.db, scope),
    ]);
    return c.json(
      { requests: rows.map(toPublicationRequest), entry: entry ? toCatalogEntry(entry) : null },
      200,
    );
  });
};
