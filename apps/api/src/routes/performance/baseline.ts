// PUT/DELETE /api/performance/results/{id}/baseline: pin a finished result as its profile's baseline, or unpin it.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { pinPerformanceBaseline, unpinPerformanceBaseline } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { ResultBody, toResult } from "./schema";

const request = { params: z.object({ id: z.uuid() }), query: OrgQuery };
const responses = {
  200: { description: "The result", content: { "application/json": { schema: ResultBody } } },
  ...openApiErrorResponses,
};

const routes = {
  pin: createRoute({
    method: "put",
    path: "/api/performance/results/{id}/baseline",
    tags: ["performance"],
    summary: "Pin a result as its profile's baseline (unpins the previous one)",
    request,
    responses,
  }),
  unpin: createRoute({
    method: "delete",
    path: "/api/performance/results/{id}/baseline",
    tags: ["performance"],
    summary: "Unpin a result as its profile's baseline",
    request,
    responses,
  }),
};

export const registerPerformanceBaseline = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(routes.pin, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:run");
    const row = await pinPerformanceBaseline(c.var.db, {
      organizationId: access.organization.id,
      id: c.req.valid("param").id,
    });
    return c.json(toResult(row), 200);
  });
  app.openapi(routes.unpin, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:run");
    const { id } = c.req.valid("param");
    const row = await unpinPerformanceBaseline(c.var.db, { organizationId: access.organization.id, id });
    if (!row) throw new ApiError({ code: "NOT_FOUND", message: `No result ${id}` });
    return c.json(toResult(row), 200);
  });
};
