// Test helpers for the performance routes: calls as a signed-in user, and results written straight to the db.
import {
  createPerformanceProfile,
  finishPerformanceResult,
  type PerformanceResult,
  startPerformanceResult,
} from "@meshplane/db/queries";
import type { TestApp } from "../../testing/app";
import { bearer, type SignedIn } from "../../testing/identity";

export function caller(ctx: TestApp, user: SignedIn) {
  return (method: string, path: string, body?: unknown, orgId = user.personalOrgId) =>
    ctx.app.request(`${path}${path.includes("?") ? "&" : "?"}orgId=${orgId}`, {
      method,
      headers: { ...bearer(user.jwt), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
}

export async function profileFor(ctx: TestApp, organizationId: string, name = "checkout") {
  return createPerformanceProfile(ctx.t.db, { organizationId, name, endpoints: ["http://127.0.0.1:9/"] });
}

/** A finished result with the given latencies (ms) and load, as a run would have stored it. */
export async function finishedResult(
  ctx: TestApp,
  params: {
    organizationId: string;
    profileId: string;
    name?: string;
    percentiles: Record<string, number>;
    rps: number;
    errorRate: number;
    connections?: number;
  },
): Promise<PerformanceResult> {
  const started = await startPerformanceResult(ctx.t.db, {
    organizationId: params.organizationId,
    profileId: params.profileId,
    name: params.name ?? "run",
  });
  const row = await finishPerformanceResult(ctx.t.db, {
    organizationId: params.organizationId,
    id: started.id,
    status: "passed",
    passed: true,
    histogram: null,
    percentiles: params.percentiles,
    statusCodes: { "200": 100 },
    runnerResults: {
      summary: {
        requests: 100,
        rps: params.rps,
        errorRate: params.errorRate,
        durationMs: 1000,
        requestedDurationMs: 1000,
        connections: params.connections ?? 1,
        rate: null,
      },
    },
  });
  if (!row) throw new Error("could not finish the result");
  return row;
}
