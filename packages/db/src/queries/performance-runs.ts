// Starting a profile's run on cluster agents: the load request a profile describes, its even split across the
// chosen agents, and one transaction creating the running result and a `loadTest` job per agent.
import type { Db } from "../types";
import { enqueueAgentJob } from "./agent-jobs";
import { getAgentByConnection } from "./agents";
import { getConnection } from "./connections";
import {
  annotateRunningPerformanceResult,
  type PerformanceProfile,
  type PerformanceResult,
  startPerformanceResult,
} from "./performance";
import { DomainError, withTransaction } from "./transactions";

/** What a load generator is asked to do: the fields of `@meshplane/loadgen`'s options that profiles set. */
export type LoadTestRequest = {
  url: string;
  method: string;
  headers: Record<string, string>;
  cookies: Record<string, string>;
  body?: string;
  connections: number;
  /** Requests per second (open model); absent for the closed model. */
  rate?: number;
  durationMs: number;
};

/** Past the requested duration, how long a run may take to connect, drain and report before it counts as lost. */
export const PERFORMANCE_RUN_GRACE_MS = 60_000;

const GO_DURATION_UNITS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** Go durations as Meshery writes them ("30s", "1h30m", "500ms") in milliseconds. */
export function goDurationMs(text: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text.trim()) {
    throw new DomainError("invalid_argument", `duration "${text}" must look like 30s, 2m, 1h30m or 500ms`);
  }
  return parts.reduce(
    (total, [, value, unit]) =>
      total + Number(value) * GO_DURATION_UNITS[unit as keyof typeof GO_DURATION_UNITS],
    0,
  );
}

export function loadRequestOf(profile: PerformanceProfile): LoadTestRequest {
  return {
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
    durationMs: goDurationMs(profile.duration),
  };
}

/** The profile's load shared out: rate and connections split as evenly as whole connections allow. */
export function splitLoad(request: LoadTestRequest, parts: number): LoadTestRequest[] {
  return Array.from({ length: parts }, (_, index) => {
    const connections =
      Math.floor(request.connections / parts) + (index < request.connections % parts ? 1 : 0);
    return {
      ...request,
      connections: Math.max(1, connections),
      ...(request.rate ? { rate: request.rate / parts } : {}),
    };
  });
}

/** One agent's share of a run; the cluster's name is kept so causes still name it once the cluster is gone. */
export type AgentRunPart = { connectionId: string; agentId: string; jobId: string; clusterName?: string };

/**
 * Creates the running result and one `loadTest` job per connection's agent, all or nothing; a connection
 * without an agent (or with a revoked one) is a not_found error naming it.
 */
export async function dispatchAgentPerformanceRun(
  db: Db,
  params: {
    organizationId: string;
    profile: PerformanceProfile;
    connectionIds: string[];
    name: string;
    trigger: Record<string, unknown>;
    now?: Date;
  },
): Promise<{ result: PerformanceResult; parts: AgentRunPart[] }> {
  const request = loadRequestOf(params.profile);
  const now = params.now ?? new Date();
  return withTransaction(db, async (tx) => {
    const agents = [];
    for (const connectionId of params.connectionIds) {
      const agent = await getAgentByConnection(tx, { organizationId: params.organizationId, connectionId });
      if (!agent || agent.revokedAt) {
        throw new DomainError("not_found", `No agent serves connection ${connectionId}`);
      }
      const connection = await getConnection(tx, { organizationId: params.organizationId, id: connectionId });
      agents.push({
        connectionId,
        agentId: agent.id,
        ...(connection ? { clusterName: connection.name } : {}),
      });
    }
    const shares = splitLoad(request, agents.length);
    const result = await startPerformanceResult(tx, {
      organizationId: params.organizationId,
      profileId: params.profile.id,
      name: params.name,
      source: "agents",
      runnerResults: {
        plan: {
          durationMs: request.durationMs,
          deadlineAt: new Date(now.getTime() + request.durationMs + PERFORMANCE_RUN_GRACE_MS).toISOString(),
        },
        trigger: params.trigger,
      },
    });
    const parts: AgentRunPart[] = [];
    for (const [index, agent] of agents.entries()) {
      const job = await enqueueAgentJob(tx, {
        organizationId: params.organizationId,
        agentId: agent.agentId,
        kind: "loadTest",
        payload: { resultId: result.id, request: shares[index] },
        idempotencyKey: `performance-run-${result.id}-${agent.connectionId}`,
      });
      parts.push({ ...agent, jobId: job.id });
    }
    const withParts = await annotateRunningPerformanceResult(tx, {
      organizationId: params.organizationId,
      id: result.id,
      runnerResults: { agents: parts },
    });
    return { result: withParts ?? result, parts };
  });
}
