// The curators' queue: GET /api/catalog/requests, POST .../{id}/approve and .../{id}/deny with a reason.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  approvePublication,
  denyPublication,
  getDesign,
  getPublicationRequest,
  listPublicationRequests,
} from "@meshplane/db/queries";
import type { Context } from "hono";
import { audit } from "../../auth/audit";
import { requireCurator } from "../../auth/provider-roles";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { forgetCatalogFacets } from "./facet-cache";
import { registerReviewedRequest } from "./review-detail";
import {
  CatalogEntryBody,
  frozenSummary,
  PublicationRequestBody,
  toCatalogEntry,
  toPublicationRequest,
} from "./schema";

const params = z.object({ id: z.uuid() });
const tags = ["catalog review"];

const queue = createRoute({
  method: "get",
  path: "/api/catalog/requests",
  tags,
  summary: "Publication requests to review",
  request: { query: z.object({ status: z.enum(["pending", "approved", "denied"]).default("pending") }) },
  responses: {
    200: {
      description: "Requests",
      content: { "application/json": { schema: z.object({ requests: z.array(PublicationRequestBody) }) } },
    },
    ...openApiErrorResponses,
  },
});

const approve = createRoute({
  method: "post",
  path: "/api/catalog/requests/{id}/approve",
  tags,
  summary: "Approve: the requested revision is published (replacing an earlier version)",
  request: { params },
  responses: {
    200: { description: "Published", content: { "application/json": { schema: CatalogEntryBody } } },
    ...openApiErrorResponses,
  },
});

const deny = createRoute({
  method: "post",
  path: "/api/catalog/requests/{id}/deny",
  tags,
  summary: "Deny with a reason the author will read",
  request: {
    params,
    body: {
      content: {
        "application/json": { schema: z.object({ reason: z.string().trim().min(3).max(2000) }).strict() },
      },
      required: true,
    },
  },
  responses: {
    200: { description: "Denied", content: { "application/json": { schema: PublicationRequestBody } } },
    ...openApiErrorResponses,
  },
});

async function decided(
  c: Context<AppEnv>,
  requestId: string,
  organizationId: string,
  decision: "approved" | "denied",
  reason?: string,
) {
  await c.var.workflows.send({
    name: "catalog/publication.decided",
    id: `publication-decided-${requestId}`,
    data: { requestId, organizationId, decision, ...(reason ? { reason } : {}) },
  });
}

export const registerCatalogReview = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(queue, async (c) => {
    await requireCurator(c);
    const rows = await listPublicationRequests(c.var.db, { status: c.req.valid("query").status });
    return c.json({ requests: rows.map(toPublicationRequest) }, 200);
  });
  registerReviewedRequest(app);
  app.openapi(approve, async (c) => {
    const { userId } = await requireCurator(c);
    const { id } = c.req.valid("param");
    const pending = await getPublicationRequest(c.var.db, { id });
    if (!pending) throw new ApiError({ code: "NOT_FOUND", message: `No publication request ${id}` });
    const design = await getDesign(c.var.db, {
      organizationId: pending.organizationId,
      id: pending.designId,
    });
    const { request, entry } = await approvePublication(c.var.db, {
      id,
      reviewerId: userId,
      frozen: (content) => frozenSummary(content, design?.description ?? ""),
    });
    await decided(c, request.id, request.organizationId, "approved");
    forgetCatalogFacets();
    await audit(c, {
      organizationId: request.organizationId,
      actorId: userId,
      action: "catalog.published",
      resourceType: "catalog_entry",
      resourceId: entry.id,
      description: `Published "${entry.name}" ${entry.publishedVersion}`,
    });
    return c.json(toCatalogEntry(entry), 200);
  });
  app.openapi(deny, async (c) => {
    const { userId } = await requireCurator(c);
    const { reason } = c.req.valid("json");
    const request = await denyPublication(c.var.db, {
      id: c.req.valid("param").id,
      reviewerId: userId,
      reason,
    });
    await decided(c, request.id, request.organizationId, "denied", reason);
    return c.json(toPublicationRequest(request), 200);
  });
};
