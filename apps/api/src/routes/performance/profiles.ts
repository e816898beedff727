// Meshery's persist-performance-profiles: CRUD of load-test profiles, with k6-style thresholds.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  createPerformanceProfile,
  deletePerformanceProfile,
  getPerformanceProfile,
  listPerformanceProfiles,
  updatePerformanceProfile,
} from "@meshplane/db/queries";
import type { Context } from "hono";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { ProfileBody, ProfileFields, profileColumns, toProfile } from "./schema";

const path = "/api/performance/profiles";
const tags = ["performance"];
const params = z.object({ id: z.uuid() });
const profile = { description: "The profile", content: { "application/json": { schema: ProfileBody } } };

const routes = {
  list: createRoute({
    method: "get",
    path,
    tags,
    summary: "List performance profiles",
    request: {
      query: OrgQuery.extend({
        page: z.coerce.number().int().min(0).max(10_000).default(0),
        pagesize: z.coerce.number().int().min(1).max(100).default(25),
      }),
    },
    responses: {
      200: {
        description: "A page of profiles",
        content: {
          "application/json": {
            schema: z.object({
              page: z.number(),
              page_size: z.number(),
              total_count: z.number(),
              profiles: z.array(ProfileBody),
            }),
          },
        },
      },
      ...openApiErrorResponses,
    },
  }),
  create: createRoute({
    method: "post",
    path,
    tags,
    summary: "Create a performance profile",
    request: {
      query: OrgQuery,
      body: { content: { "application/json": { schema: ProfileFields } }, required: true },
    },
    responses: { 201: profile, ...openApiErrorResponses },
  }),
  get: createRoute({
    method: "get",
    path: `${path}/{id}`,
    tags,
    summary: "Get a profile",
    request: { params, query: OrgQuery },
    responses: { 200: profile, ...openApiErrorResponses },
  }),
  update: createRoute({
    method: "put",
    path: `${path}/{id}`,
    tags,
    summary: "Replace a profile",
    request: {
      params,
      query: OrgQuery,
      body: { content: { "application/json": { schema: ProfileFields } }, required: true },
    },
    responses: { 200: profile, ...openApiErrorResponses },
  }),
  remove: createRoute({
    method: "delete",
    path: `${path}/{id}`,
    tags,
    summary: "Delete a profile and its results",
    request: { params, query: OrgQuery },
    responses: { 204: { description: "Deleted" }, ...openApiErrorResponses },
  }),
};

export const profilesCapability = { feature: "persist-performance-profiles", endpoint: path };

export async function profileOf(c: Context<AppEnv>, organizationId: string, id: string) {
  const profile = await getPerformanceProfile(c.var.db, { organizationId, id });
  if (!profile) throw new ApiError({ code: "NOT_FOUND", message: `No performance profile ${id}` });
  return profile;
}

export const registerPerformanceProfiles = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(routes.list, async (c) => {
    const query = c.req.valid("query");
    const access = await requireOrgAccess(c, orgIdOf(query), "performance:read");
    const { profiles, total } = await listPerformanceProfiles(c.var.db, {
      organizationId: access.organization.id,
      page: query.page,
      pageSize: query.pagesize,
    });
    return c.json(
      { page: query.page, page_size: query.pagesize, total_count: total, profiles: profiles.map(toProfile) },
      200,
    );
  });
  app.openapi(routes.create, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:run");
    const row = await createPerformanceProfile(c.var.db, {
      ...profileColumns(c.req.valid("json")),
      organizationId: access.organization.id,
      ownerId: access.userId,
    });
    return c.json(toProfile(row), 201);
  });
  app.openapi(routes.get, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:read");
    return c.json(toProfile(await profileOf(c, access.organization.id, c.req.valid("param").id)), 200);
  });
  app.openapi(routes.update, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:run");
    const { id } = c.req.valid("param");
    const row = await updatePerformanceProfile(c.var.db, {
      ...profileColumns(c.req.valid("json")),
      organizationId: access.organization.id,
      id,
    });
    if (!row) throw new ApiError({ code: "NOT_FOUND", message: `No performance profile ${id}` });
    return c.json(toProfile(row), 200);
  });
  app.openapi(routes.remove, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:manage");
    const { id } = c.req.valid("param");
    if (!(await deletePerformanceProfile(c.var.db, { organizationId: access.organization.id, id }))) {
      throw new ApiError({ code: "NOT_FOUND", message: `No performance profile ${id}` });
    }
    return c.body(null, 204);
  });
};
