// The performance API as the web's pages call it: profiles, runs and results, with the user's JWT.
import { z } from "zod";
import { ApiError, callApi } from "./api-client";
import { type Comparison, comparisonSchema } from "./performance-compare";

const profileSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  endpoints: z.array(z.string()),
  loadGenerators: z.array(z.string()).default([]),
  concurrentRequest: z.number(),
  qps: z.number(),
  duration: z.string(),
  serviceMesh: z.string().nullish(),
  requestHeaders: z.record(z.string(), z.string()).default({}),
  requestCookies: z.record(z.string(), z.string()).default({}),
  requestBody: z.string().nullish(),
  contentType: z.string().nullish(),
  thresholds: z.array(z.string()).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PerfProfile = z.infer<typeof profileSchema>;

const profilePageSchema = z.looseObject({ profiles: z.array(profileSchema), total_count: z.number() });

const thresholdOutcomeSchema = z.looseObject({
  expression: z.string(),
  metric: z.string().default(""),
  actual: z.number().nullable().default(null),
  passed: z.boolean(),
});
export type ThresholdOutcome = z.infer<typeof thresholdOutcomeSchema>;

// Fields the API added with live progress, baselines and imports are optional: older rows and older APIs lack them.
const resultSchema = z.looseObject({
  id: z.string(),
  profileId: z.string(),
  name: z.string(),
  status: z.string(),
  passed: z.boolean().nullable(),
  partial: z.boolean().optional().catch(undefined),
  error: z.string().nullish().catch(undefined),
  source: z.string().optional().catch(undefined),
  baseline: z.boolean().optional().catch(undefined),
  summary: z
    .looseObject({
      requests: z.number().optional(),
      rps: z.number().optional(),
      errorRate: z.number().optional(),
      durationMs: z.number().optional(),
      requestedDurationMs: z.number().optional(),
      connections: z.number().optional(),
      rate: z.number().nullable().optional(),
    })
    .optional()
    .catch(undefined),
  errors: z.record(z.string(), z.number()).optional().catch(undefined),
  thresholds: z.array(thresholdOutcomeSchema).optional().catch(undefined),
  imported: z
    .looseObject({ format: z.string(), notes: z.array(z.string()).default([]) })
    .nullish()
    .catch(undefined),
  percentiles: z.record(z.string(), z.number()).default({}),
  statusCodes: z.record(z.string(), z.number()).default({}),
  series: z.array(z.unknown()).default([]),
  histogram: z.string().nullable().default(null),
  runnerResults: z.record(z.string(), z.unknown()).default({}),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type PerfResult = z.infer<typeof resultSchema>;

const resultListSchema = z.looseObject({ results: z.array(resultSchema), total_count: z.number() });

/** The request body the API validates (its `ProfileFields`). */
export type ProfileFields = {
  name: string;
  endpoints: string[];
  concurrentRequest: number;
  qps: number;
  duration: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  contentType?: string;
  thresholds: string[];
};

const profilePath = (id: string) => `/api/performance/profiles/${encodeURIComponent(id)}`;
const resultPath = (id: string) => `/api/performance/results/${encodeURIComponent(id)}`;

export async function listProfiles(token: string, orgId: string): Promise<PerfProfile[]> {
  const page = await callApi(token, "/api/performance/profiles", profilePageSchema, {
    query: { orgId, page: "0", pagesize: "100" },
  });
  return page.profiles;
}

export function getProfile(token: string, orgId: string, id: string): Promise<PerfProfile> {
  return callApi(token, profilePath(id), profileSchema, { query: { orgId } });
}

export function createProfile(token: string, orgId: string, fields: ProfileFields): Promise<PerfProfile> {
  return callApi(token, "/api/performance/profiles", profileSchema, {
    method: "POST",
    query: { orgId },
    body: fields,
  });
}

export function updateProfile(
  token: string,
  orgId: string,
  id: string,
  fields: ProfileFields,
): Promise<PerfProfile> {
  return callApi(token, profilePath(id), profileSchema, { method: "PUT", query: { orgId }, body: fields });
}

export async function deleteProfile(token: string, orgId: string, id: string): Promise<void> {
  await callApi(token, profilePath(id), z.unknown(), { method: "DELETE", query: { orgId } });
}

/** On this machine without connections; in-cluster through those connections' agents with them. */
export function runProfile(
  token: string,
  orgId: string,
  id: string,
  connectionIds: string[] = [],
): Promise<PerfResult> {
  return callApi(token, `${profilePath(id)}/run`, resultSchema, {
    method: "POST",
    query: { orgId },
    ...(connectionIds.length > 0 ? { body: { connectionIds } } : {}),
  });
}

const agentsSchema = z.looseObject({
  agents: z.array(z.looseObject({ connectionId: z.string(), revoked: z.boolean().default(false) })),
});
const connectionsSchema = z.looseObject({
  connections: z.array(z.looseObject({ id: z.string(), name: z.string() })),
});
export type AgentConnection = { id: string; name: string };

/**
 * The connections an agent serves, which in-cluster runs and schedules go through. Empty when the user may not
 * see connections or the API has no agents: the pages then offer local runs only.
 */
export async function listAgentConnections(token: string, orgId: string): Promise<AgentConnection[]> {
  try {
    const [agents, connections] = await Promise.all([
      callApi(token, "/api/agents", agentsSchema, { query: { orgId } }),
      callApi(token, "/api/integrations/connections", connectionsSchema, {
        query: { orgId, page: "0", pagesize: "100" },
      }),
    ]);
    const served = new Set(
      agents.agents.filter((agent) => !agent.revoked).map((agent) => agent.connectionId),
    );
    return connections.connections.filter((connection) => served.has(connection.id));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return [];
    throw error;
  }
}

export async function listResults(token: string, orgId: string, profileId?: string): Promise<PerfResult[]> {
  const path = profileId ? `${profilePath(profileId)}/results` : "/api/performance/results";
  return (await callApi(token, path, resultListSchema, { query: { orgId } })).results;
}

export function getResult(token: string, orgId: string, id: string): Promise<PerfResult> {
  return callApi(token, resultPath(id), resultSchema, { query: { orgId } });
}

/** The API has no such route (yet): its 404 for an unknown path, as opposed to a missing row. */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.message.startsWith("No route for");
}

/** A missing or foreign row (404), or an id the API refuses outright (400): the page answers 404. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

export function pinBaseline(token: string, orgId: string, id: string, pinned: boolean): Promise<PerfResult> {
  return callApi(token, `${resultPath(id)}/baseline`, resultSchema, {
    method: pinned ? "PUT" : "DELETE",
    query: { orgId },
  });
}

const scheduleSchema = z.looseObject({
  id: z.string(),
  profileId: z.string(),
  name: z.string().default(""),
  cronExpression: z.string(),
  enabled: z.boolean(),
  connectionIds: z.array(z.string()).default([]),
  nextRunAt: z.string().nullish(),
  lastRunAt: z.string().nullish(),
  lastResultId: z.string().nullish(),
});
export type PerfSchedule = z.infer<typeof scheduleSchema>;

const scheduleListSchema = z.looseObject({ schedules: z.array(scheduleSchema) });

export type ScheduleFields = {
  profileId: string;
  name?: string;
  cronExpression: string;
  enabled: boolean;
  connectionIds: string[];
};

export async function listSchedules(
  token: string,
  orgId: string,
  profileId: string,
): Promise<PerfSchedule[]> {
  const page = await callApi(token, "/api/performance/schedules", scheduleListSchema, {
    query: { orgId, profileId },
  });
  return page.schedules.filter((schedule) => schedule.profileId === profileId);
}

export function createSchedule(token: string, orgId: string, fields: ScheduleFields): Promise<PerfSchedule> {
  return callApi(token, "/api/performance/schedules", scheduleSchema, {
    method: "POST",
    query: { orgId },
    body: fields,
  });
}

export function updateSchedule(
  token: string,
  orgId: string,
  id: string,
  fields: ScheduleFields,
): Promise<PerfSchedule> {
  return callApi(token, `/api/performance/schedules/${encodeURIComponent(id)}`, scheduleSchema, {
    method: "PUT",
    query: { orgId },
    body: fields,
  });
}

export async function deleteSchedule(token: string, orgId: string, id: string): Promise<void> {
  await callApi(token, `/api/performance/schedules/${encodeURIComponent(id)}`, z.unknown(), {
    method: "DELETE",
    query: { orgId },
  });
}

/** The API's comparison of results against a baseline (by default the first result's pinned one). */
export function compareResults(
  token: string,
  orgId: string,
  ids: string[],
  baselineId?: string,
): Promise<Comparison> {
  return callApi(token, "/api/performance/compare", comparisonSchema, {
    query: { orgId, ids: ids.join(","), ...(baselineId ? { baseline: baselineId } : {}) },
  });
}

export type ResultImport = { profileId?: string; name?: string; format?: "smp" | "fortio"; data: string };

/** SMP or Fortio (Meshery) JSON/YAML, sent as text: the API parses and checks it. */
export function importResult(token: string, orgId: string, request: ResultImport): Promise<PerfResult> {
  return callApi(token, "/api/performance/results/import", resultSchema, {
    method: "POST",
    query: { orgId },
    body: request,
  });
}
