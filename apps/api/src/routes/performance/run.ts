// POST /api/performance/profiles/{id}/run: starts a run and answers 202 at once; the result grows its series
// every second while running and is finished when the run ends (see GET /api/performance/results/{id}).
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  dispatchAgentPerformanceRun,
  PERFORMANCE_RUN_GRACE_MS,
  type PerformanceProfile,
  startPerformanceResult,
} from "@meshplane/db/queries";
import { agentRunStartedEvent } from "@meshplane/workflows/performance";
import type { Context } from "hono";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { runLocally } from "../../performance/local-run";
import { parseGoDuration } from "../../performance/runner";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { profileOf } from "./profiles";
import { ResultBody, toResult } from "./schema";

const Body = z
  .object({
    connectionIds: z
      .array(z.uuid())
      .min(1)
      .max(10)
      .refine((ids) => new Set(ids).size === ids.length, "each connection at most once")
      .optional()
      .openapi({
        description: "Run in-cluster on these connections' agents, the load split evenly between them",
      }),
  })
  .strict()
  .openapi("PerformanceRunRequest");

const route = createRoute({
  method: "post",
  path: "/api/performance/profiles/{id}/run",
  tags: ["performance"],
  summary: "Run a profile against its first endpoint, from this machine or in-cluster through agents",
  request: {
    params: z.object({ id: z.uuid() }),
    query: OrgQuery,
    body: { content: { "application/json": { schema: Body } }, required: false },
  },
  responses: {
    202: { description: "Running; poll the result", content: { "application/json": { schema: ResultBody } } },
    ...openApiErrorResponses,
  },
});

/** In-cluster: one loadTest job per connection's agent; a workflow (or any read) merges their results. */
async function startOnAgents(c: Context<AppEnv>, profile: PerformanceProfile, connectionIds: string[]) {
  const { result } = await dispatchAgentPerformanceRun(c.var.db, {
    organizationId: profile.organizationId,
    profile,
    connectionIds,
    name: `${profile.name} ${new Date().toISOString()}`,
    trigger: { by: "user" },
  });
  await c.var.workflows.send(agentRunStartedEvent(result));
  return result;
}

async function startHere(c: Context<AppEnv>, profile: PerformanceProfile) {
  const runner = c.var.performance;
  if (!runner) {
    throw new ApiError({
      code: "SERVICE_UNAVAILABLE",
      message:
        "This deployment cannot run load tests itself: pass connectionIds to run them through cluster agents",
    });
  }
  const durationMs = parseGoDuration(profile.duration);
  const result = await startPerformanceResult(c.var.db, {
    organizationId: profile.organizationId,
    profileId: profile.id,
    name: `${profile.name} ${new Date().toISOString()}`,
    source: "local",
    runnerResults: {
      plan: {
        durationMs,
        deadlineAt: new Date(Date.now() + durationMs + PERFORMANCE_RUN_GRACE_MS).toISOString(),
      },
      trigger: { by: "user" },
    },
  });
  void runLocally(c.var.db, runner, profile, result.id).catch((error: unknown) =>
    console.error(`performance result ${result.id}: could not record the outcome`, error),
  );
  return result;
}

export const registerRunProfile = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:run");
    const profile = await profileOf(c, access.organization.id, c.req.valid("param").id);
    // The body is optional: no body (or {}) runs from this machine.
    const connectionIds = (c.req.header("content-type") ? c.req.valid("json") : {}).connectionIds;
    const result = connectionIds
      ? await startOnAgents(c, profile, connectionIds)
      : await startHere(c, profile);
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: "performance.run_started",
      resourceType: "performance_profile",
      resourceId: profile.id,
      description: `Started a load test of "${profile.name}"${connectionIds ? ` on ${connectionIds.length} cluster${connectionIds.length === 1 ? "" : "s"}` : ""}`,
      metadata: { resultId: result.id, ...(connectionIds ? { connectionIds } : {}) },
    });
    return c.json(toResult(result), 202);
  });
