// Results: per profile, all of an organisation's, one by id, and one exported in the Service Mesh Performance format.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getPerformanceResult, listPerformanceResults } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { settleResult } from "../../performance/settle";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { profileOf } from "./profiles";
import { ResultBody, toResult, toSmpResult } from "./schema";

const tags = ["performance"];
const page = z.object({ results: z.array(ResultBody), total_count: z.number() });
const listResponse = {
  200: { description: "Results, newest first", content: { "application/json": { schema: page } } },
  ...openApiErrorResponses,
};

const routes = {
  ofProfile: createRoute({
    method: "get",
    path: "/api/performance/profiles/{id}/results",
    tags,
    summary: "A profile's results",
    request: { params: z.object({ id: z.uuid() }), query: OrgQuery },
    responses: listResponse,
  }),
  all: createRoute({
    method: "get",
    path: "/api/performance/results",
    tags,
    summary: "All results",
    request: { query: OrgQuery },
    responses: listResponse,
  }),
  one: createRoute({
    method: "get",
    path: "/api/performance/results/{id}",
    tags,
    summary: "One result",
    request: { params: z.object({ id: z.uuid() }), query: OrgQuery },
    responses: {
      200: { description: "The result", content: { "application/json": { schema: ResultBody } } },
      ...openApiErrorResponses,
    },
  }),
  smp: createRoute({
    method: "get",
    path: "/api/performance/results/{id}/smp",
    tags,
    summary: "One result as an SMP PerformanceTestResult",
    request: { params: z.object({ id: z.uuid() }), query: OrgQuery },
    responses: {
      200: {
        description: "SMP",
        content: { "application/json": { schema: z.record(z.string(), z.unknown()).openapi("SmpResult") } },
      },
      ...openApiErrorResponses,
    },
  }),
};

export const resultsCapability = { feature: "persist-results", endpoint: "/api/performance/results" };

export const registerPerformanceResults = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(routes.ofProfile, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:read");
    const profile = await profileOf(c, access.organization.id, c.req.valid("param").id);
    const rows = await listPerformanceResults(c.var.db, {
      organizationId: access.organization.id,
      profileId: profile.id,
    });
    const settled = await Promise.all(rows.map((row) => settleResult(c.var.db, row)));
    return c.json({ results: settled.map(toResult), total_count: rows.length }, 200);
  });
  app.openapi(routes.all, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:read");
    const rows = await listPerformanceResults(c.var.db, { organizationId: access.organization.id });
    const settled = await Promise.all(rows.map((row) => settleResult(c.var.db, row)));
    return c.json({ results: settled.map(toResult), total_count: rows.length }, 200);
  });
  app.openapi(routes.one, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:read");
    const row = await getPerformanceResult(c.var.db, {
      organizationId: access.organization.id,
      id: c.req.valid("param").id,
    });
    if (!row) throw new ApiError({ code: "NOT_FOUND", message: `No result ${c.req.valid("param").id}` });
    return c.json(toResult(await settleResult(c.var.db, row)), 200);
  });
  app.openapi(routes.smp, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:read");
    const row = await getPerformanceResult(c.var.db, {
      organizationId: access.organization.id,
      id: c.req.valid("param").id,
    });
    if (!row) throw new ApiError({ code: "NOT_FOUND", message: `No result ${c.req.valid("param").id}` });
    const profile = await profileOf(c, access.organization.id, row.profileId);
    return c.json(toSmpResult(row, profile), 200);
  });
};
