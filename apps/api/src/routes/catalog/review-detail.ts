// GET /api/catalog/requests/{id}: one request with the design as it was asked to be published, for the curator's review.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  getDesign,
  getDesignRevision,
  getPublicationRequest,
  listDesignRevisions,
} from "@meshplane/db/queries";
import { requireCurator } from "../../auth/provider-roles";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { PublicationRequestBody, toPublicationRequest } from "./schema";

const ReviewedRequestBody = PublicationRequestBody.extend({
  designName: z.string(),
  revisionNumber: z.number().int(),
  design: z.record(z.string(), z.unknown()),
}).openapi("ReviewedPublicationRequest");

const route = createRoute({
  method: "get",
  path: "/api/catalog/requests/{id}",
  tags: ["catalog review"],
  summary: "A publication request with the requested revision's content",
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: {
      description: "The request and the design under review",
      content: { "application/json": { schema: ReviewedRequestBody } },
    },
    ...openApiErrorResponses,
  },
});

export const registerReviewedRequest = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    await requireCurator(c);
    const { id } = c.req.valid("param");
    const request = await getPublicationRequest(c.var.db, { id });
    if (!request) throw new ApiError({ code: "NOT_FOUND", message: `No publication request ${id}` });
    const scope = { organizationId: request.organizationId, designId: request.designId };
    // The revision the author asked for, which may be older than the design's current one.
    const [design, history] = await Promise.all([
      getDesign(c.var.db, { organizationId: request.organizationId, id: request.designId }),
      listDesignRevisions(c.var.db, scope),
    ]);
    const number = history.find((revision) => revision.id === request.revisionId)?.number;
    const revision =
      number === undefined ? undefined : await getDesignRevision(c.var.db, { ...scope, number });
    if (!design || !revision) {
      throw new ApiError({ code: "NOT_FOUND", message: `The design of request ${id} no longer exists` });
    }
    return c.json(
      {
        ...toPublicationRequest(request),
        designName: design.name,
        revisionNumber: revision.number,
        design: revision.content,
      },
      200,
    );
  });
