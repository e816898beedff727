// POST /api/performance/profiles/{id}/run: starts a run and answers at once; the result fills in when the run ends.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  finishPerformanceResult,
  type PerformanceProfile,
  startPerformanceResult,
} from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import type { Context } from "hono";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import {
  type PerformanceRunner,
  parseGoDuration,
  parseThresholds,
  type RunOutcome,
} from "../../performance/runner";
import { evaluateThresholds } from "../../performance/thresholds";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { profileOf } from "./profiles";
import { ResultBody, toResult } from "./schema";

const route = createRoute({
  method: "post",
  path: "/api/performance/profiles/{id}/run",
  tags: ["performance"],
  summary: "Run a profile against its first endpoint",
  request: { params: z.object({ id: z.uuid() }), query: OrgQuery },
  responses: {
    202: { description: "Running; poll the result", content: { "application/json": { schema: ResultBody } } },
    ...openApiErrorResponses,
  },
});

function summarize(outcome: RunOutcome, profile: PerformanceProfile) {
  const latency = outcome.latency;
  const failed =
    Object.values(outcome.errors ?? {}).reduce((sum, n) => sum + n, 0) +
    Object.entries(outcome.statusCodes ?? {}).reduce(
      (sum, [code, n]) => sum + (Number(code) >= 400 ? n : 0),
      0,
    );
  const attempts = outcome.requests + Object.values(outcome.errors ?? {}).reduce((sum, n) => sum + n, 0);
  const expressions = ((profile.metadata as { thresholds?: string[] }).thresholds ?? []) as string[];
  const thresholds = evaluateThresholds(parseThresholds(expressions), {
    percentiles: Object.fromEntries(
      Object.entries(latency)
        .filter(([key]) => key.startsWith("p"))
        .map(([key, value]) => [key.slice(1), value]),
    ),
    avg: latency.mean ?? 0,
    min: latency.min ?? 0,
    max: latency.max ?? 0,
    errorRate: attempts === 0 ? 1 : failed / attempts,
    rps: outcome.rps,
  });
  const histogram =
    typeof outcome.histogram === "string" ? outcome.histogram : JSON.stringify(outcome.histogram);
  return { latency, thresholds, histogram, passed: thresholds.every((t) => t.passed) && attempts > 0 };
}

/** Runs in the background of the request that started it; the row is the only state, so a crash leaves "running". */
async function runAndRecord(
  db: Db,
  runner: PerformanceRunner,
  profile: PerformanceProfile,
  resultId: string,
) {
  const scope = { organizationId: profile.organizationId, id: resultId };
  try {
    const outcome = await runner.run({
      url: profile.endpoints[0] ?? "",
      method: profile.requestBody ? "POST" : "GET",
      headers: {
        ...profile.requestHeaders,
        ...(profile.contentType ? { "content-type": profile.contentType } : {}),
      },
      cookies: profile.requestCookies,
      ...(profile.requestBody ? { body: profile.requestBody } : {}),
      connections: profile.concurrency,
      ...(profile.qps > 0 ? { rate: profile.qps } : {}),
      durationMs: parseGoDuration(profile.duration),
    });
    const summary = summarize(outcome, profile);
    await finishPerformanceResult(db, {
      ...scope,
      status: "completed",
      histogram: summary.histogram,
      percentiles: summary.latency,
      series: outcome.perSecond,
      statusCodes: outcome.statusCodes,
      passed: summary.passed,
      runnerResults: { ...outcome, thresholds: summary.thresholds },
    });
  } catch (error) {
    await finishPerformanceResult(db, {
      ...scope,
      status: "failed",
      histogram: null,
      percentiles: {},
      series: [],
      statusCodes: {},
      passed: false,
      runnerResults: { error: error instanceof Error ? error.message : String(error) },
    });
  }
}

export function startRun(c: Context<AppEnv>, profile: PerformanceProfile, resultId: string): void {
  const runner = c.var.performance;
  if (!runner) return;
  void runAndRecord(c.var.db, runner, profile, resultId);
}

export const registerRunProfile = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:run");
    const profile = await profileOf(c, access.organization.id, c.req.valid("param").id);
    if (!c.var.performance) {
      throw new ApiError({
        code: "SERVICE_UNAVAILABLE",
        message:
          "Load tests run in the one-machine mode for now; runs through in-cluster agents are not built yet",
      });
    }
    const result = await startPerformanceResult(c.var.db, {
      organizationId: access.organization.id,
      profileId: profile.id,
      name: `${profile.name} ${new Date().toISOString()}`,
    });
    startRun(c, profile, result.id);
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: "performance.run_started",
      resourceType: "performance_profile",
      resourceId: profile.id,
      description: `Started a load test of "${profile.name}"`,
    });
    return c.json(toResult(result), 202);
  });
