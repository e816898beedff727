// Schedules that run a profile on a cron expression (UTC), through cluster agents or, without clusters, from
// this machine where the deployment runs load tests itself: CRUD, and a preview of the next runs for the
// editor. The run-due-performance-schedules workflow starts the runs.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  CronError,
  createPerformanceSchedule,
  deletePerformanceSchedule,
  getAgentByConnection,
  getPerformanceSchedule,
  listPerformanceSchedules,
  nextCronRun,
  type PerformanceSchedule,
  parseCron,
  updatePerformanceSchedule,
} from "@meshplane/db/queries";
import type { Context } from "hono";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { profileOf } from "./profiles";

const path = "/api/performance/schedules";
const tags = ["performance"];

const CronExpression = z
  .string()
  .max(200)
  .superRefine((text, context) => {
    try {
      parseCron(text);
    } catch (error) {
      if (!(error instanceof CronError)) throw error;
      context.addIssue({ code: "custom", message: error.message });
    }
  })
  .openapi({
    example: "*/30 9-17 * * mon-fri",
    description: "minute hour day-of-month month day-of-week, UTC",
  });

const ScheduleFields = z
  .object({
    profileId: z.uuid(),
    name: z.string().trim().max(200).default(""),
    cronExpression: CronExpression,
    timezone: z.literal("UTC", { error: "timezone: only UTC is supported" }).default("UTC"),
    enabled: z.boolean().default(true),
    connectionIds: z
      .array(z.uuid())
      .max(10)
      .refine((ids) => new Set(ids).size === ids.length, "connectionIds: each connection at most once")
      .openapi({
        description:
          "The clusters whose agents run it, the load split between them; none: from this machine, where the deployment runs load tests itself",
      }),
  })
  .strict()
  .openapi("PerformanceScheduleFields");

const ScheduleBody = z
  .object({
    id: z.uuid(),
    profileId: z.uuid(),
    name: z.string(),
    cronExpression: z.string(),
    timezone: z.string(),
    enabled: z.boolean(),
    connectionIds: z.array(z.uuid()),
    nextRunAt: z.string().nullable(),
    lastRunAt: z.string().nullable(),
    lastResultId: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("PerformanceSchedule");

function toSchedule(row: PerformanceSchedule): z.infer<typeof ScheduleBody> {
  return {
    id: row.id,
    profileId: row.profileId,
    name: row.name,
    cronExpression: row.cronExpression,
    timezone: row.timezone,
    enabled: row.enabled,
    connectionIds: row.connectionIds,
    nextRunAt: row.nextRunAt?.toISOString() ?? null,
    lastRunAt: row.lastRunAt?.toISOString() ?? null,
    lastResultId: row.lastResultId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const params = z.object({ id: z.uuid() });
const one = { description: "The schedule", content: { "application/json": { schema: ScheduleBody } } };
const fields = { content: { "application/json": { schema: ScheduleFields } }, required: true };

const routes = {
  nextRuns: createRoute({
    method: "get",
    path: `${path}/next-runs`,
    tags,
    summary: "The next times a cron expression runs (for the schedule editor)",
    request: {
      query: OrgQuery.extend({
        cronExpression: CronExpression,
        count: z.coerce.number().int().min(1).max(20).default(5),
      }),
    },
    responses: {
      200: {
        description: "The next runs, UTC",
        content: {
          "application/json": {
            schema: z.object({ cronExpression: z.string(), nextRuns: z.array(z.string()) }),
          },
        },
      },
      ...openApiErrorResponses,
    },
  }),
  list: createRoute({
    method: "get",
    path,
    tags,
    summary: "List schedules",
    request: { query: OrgQuery.extend({ profileId: z.uuid().optional() }) },
    responses: {
      200: {
        description: "Schedules, newest first",
        content: {
          "application/json": {
            schema: z.object({ schedules: z.array(ScheduleBody), total_count: z.number() }),
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
    summary: "Create a schedule",
    request: { query: OrgQuery, body: fields },
    responses: { 201: one, ...openApiErrorResponses },
  }),
  get: createRoute({
    method: "get",
    path: `${path}/{id}`,
    tags,
    summary: "Get a schedule",
    request: { params, query: OrgQuery },
    responses: { 200: one, ...openApiErrorResponses },
  }),
  update: createRoute({
    method: "put",
    path: `${path}/{id}`,
    tags,
    summary: "Replace a schedule (its next run is recomputed)",
    request: { params, query: OrgQuery, body: fields },
    responses: { 200: one, ...openApiErrorResponses },
  }),
  remove: createRoute({
    method: "delete",
    path: `${path}/{id}`,
    tags,
    summary: "Delete a schedule",
    request: { params, query: OrgQuery },
    responses: { 204: { description: "Deleted" }, ...openApiErrorResponses },
  }),
};

/** The profile and every connection must be the organisation's, each connection served by an agent. */
async function checkTargets(
  c: Context<AppEnv>,
  organizationId: string,
  body: z.infer<typeof ScheduleFields>,
) {
  await profileOf(c, organizationId, body.profileId);
  if (body.connectionIds.length === 0 && !c.var.performance) {
    throw new ApiError({
      code: "UNPROCESSABLE_ENTITY",
      message:
        "connectionIds: this deployment cannot run load tests itself, so a schedule runs on at least one cluster agent",
    });
  }
  for (const connectionId of body.connectionIds) {
    const agent = await getAgentByConnection(c.var.db, { organizationId, connectionId });
    if (!agent || agent.revokedAt) {
      throw new ApiError({ code: "NOT_FOUND", message: `No agent serves connection ${connectionId}` });
    }
  }
}

const notFound = (id: string) => new ApiError({ code: "NOT_FOUND", message: `No schedule ${id}` });

export const registerPerformanceSchedules = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(routes.nextRuns, async (c) => {
    const query = c.req.valid("query");
    await requireOrgAccess(c, orgIdOf(query), "performance:read");
    const cron = parseCron(query.cronExpression);
    const nextRuns: string[] = [];
    let after = new Date();
    for (let i = 0; i < query.count; i++) {
      const next = nextCronRun(cron, after);
      if (!next) break;
      nextRuns.push(next.toISOString());
      after = next;
    }
    return c.json({ cronExpression: cron.expression, nextRuns }, 200);
  });
  app.openapi(routes.list, async (c) => {
    const query = c.req.valid("query");
    const access = await requireOrgAccess(c, orgIdOf(query), "performance:read");
    const rows = await listPerformanceSchedules(c.var.db, {
      organizationId: access.organization.id,
      ...(query.profileId ? { profileId: query.profileId } : {}),
    });
    return c.json({ schedules: rows.map(toSchedule), total_count: rows.length }, 200);
  });
  app.openapi(routes.create, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:run");
    const body = c.req.valid("json");
    await checkTargets(c, access.organization.id, body);
    const { timezone: _utc, ...columns } = body;
    const row = await createPerformanceSchedule(c.var.db, {
      ...columns,
      organizationId: access.organization.id,
    });
    return c.json(toSchedule(row), 201);
  });
  app.openapi(routes.get, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:read");
    const { id } = c.req.valid("param");
    const row = await getPerformanceSchedule(c.var.db, { organizationId: access.organization.id, id });
    if (!row) throw notFound(id);
    return c.json(toSchedule(row), 200);
  });
  app.openapi(routes.update, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:run");
    const { id } = c.req.valid("param");
    if (!(await getPerformanceSchedule(c.var.db, { organizationId: access.organization.id, id })))
      throw notFound(id);
    const body = c.req.valid("json");
    await checkTargets(c, access.organization.id, body);
    const { timezone: _utc, ...columns } = body;
    const row = await updatePerformanceSchedule(c.var.db, {
      ...columns,
      organizationId: access.organization.id,
      id,
    });
    if (!row) throw notFound(id);
    return c.json(toSchedule(row), 200);
  });
  app.openapi(routes.remove, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:manage");
    const { id } = c.req.valid("param");
    if (!(await deletePerformanceSchedule(c.var.db, { organizationId: access.organization.id, id }))) {
      throw notFound(id);
    }
    return c.body(null, 204);
  });
};
