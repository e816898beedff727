// Finishes a run dispatched to cluster agents: once every agent's loadTest job has a result (or the deadline
// passes), their HDR histograms are merged exactly, thresholds decide, the result is written once and an
// event recorded. The finish-agent-performance-run workflow calls it; so does any read of a running result,
// which finishes nothing the workflow would not (the write happens once, whoever gets there first).
import {
  type AgentJob,
  type AgentRunPart,
  finishPerformanceResult,
  getOrganizationAgentJob,
  getPerformanceProfile,
  getPerformanceResult,
  markAgentJobTimedOut,
  type PerformanceResult,
  recordEvent,
  recordPerformancePartSeconds,
} from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import {
  deserializeHistogram,
  type LoadResult,
  mergeHistograms,
  type SecondOfRun,
  serializeHistogram,
  summarizeLatency,
} from "@meshplane/loadgen/results";
import { deadlineOf, erroredRecord, type Measured, recordOf, thresholdsOf } from "./outcome";

type Stored = { agents?: AgentRunPart[]; plan?: { durationMs?: number }; live?: unknown };
type Report = Omit<LoadResult, "perThread" | "serviceTimeHistogram">;
type Part = AgentRunPart & { job: AgentJob | undefined; report: Report | null };

/** Names a part's agent in causes: by its cluster's name, by the connection for runs from before names. */
const agentOf = (part: AgentRunPart) =>
  part.clusterName
    ? `the agent of cluster "${part.clusterName}"`
    : `the agent on connection ${part.connectionId}`;

const finished = (job: AgentJob | undefined) => job?.status === "succeeded" || job?.status === "failed";

/** A job's result as the agent reported it, if it holds a histogram this API can merge. */
function reportOf(job: AgentJob | undefined): Report | null {
  if (job?.status !== "succeeded") return null;
  const report = job.result as Report | null;
  try {
    if (!report || typeof report.requests !== "number") return null;
    deserializeHistogram(report.histogram);
    return report;
  } catch {
    return null;
  }
}

/** Seconds of several agents added up; a second's percentiles are the worst agent's (an upper bound). */
export function mergeSeries(series: readonly (readonly SecondOfRun[])[]): SecondOfRun[] {
  const seconds = new Map<number, SecondOfRun>();
  for (const one of series) {
    for (const second of one) {
      const seen = seconds.get(second.second);
      if (!seen) seconds.set(second.second, { ...second });
      else {
        seen.requests += second.requests;
        seen.errors += second.errors;
        seen.failedStatuses += second.failedStatuses;
        seen.p50 = Math.max(seen.p50, second.p50);
        seen.p90 = Math.max(seen.p90, second.p90);
        seen.p99 = Math.max(seen.p99, second.p99);
      }
    }
  }
  return [...seconds.values()].sort((a, b) => a.second - b.second);
}

function measure(parts: Part[], requestedDurationMs: number): Measured {
  const reports = parts.flatMap((part) => (part.report ? [part.report] : []));
  const histogram = mergeHistograms(reports.map((report) => report.histogram));
  const add = (pick: (report: Report) => Record<string, number>) => {
    const total: Record<string, number> = {};
    for (const report of reports) {
      for (const [key, n] of Object.entries(pick(report))) total[key] = (total[key] ?? 0) + n;
    }
    return total;
  };
  const causes = parts.flatMap((part) => {
    const where = agentOf(part);
    if (part.report?.endedEarly) return [`${where} ended early: ${part.report.endedEarly.cause}`];
    if (part.report) return [];
    if (!finished(part.job)) return [`${where} did not report by the deadline`];
    return [`${where} failed: ${part.job?.error ?? "no usable result"}`];
  });
  const rates = reports.map((report) => report.rate);
  const openModel = rates.length > 0 && rates.every((rate) => rate !== null);
  return {
    requests: histogram.total,
    durationMs: Math.max(0, ...reports.map((report) => report.durationMs)),
    requestedDurationMs,
    connections: reports.reduce((sum, report) => sum + report.connections, 0),
    rate: openModel ? rates.reduce<number>((sum, rate) => sum + (rate ?? 0), 0) : null,
    latency: summarizeLatency(histogram),
    histogram: serializeHistogram(histogram),
    perSecond: mergeSeries(reports.map((report) => report.perSecond)),
    statusCodes: add((report) => report.statusCodes),
    errors: add((report) => report.errors),
    endedEarly:
      causes.length > 0
        ? { atMs: Math.max(0, ...reports.map((report) => report.durationMs)), cause: causes.join("; ") }
        : null,
  };
}

/** The agents' jobs of a running result as they stand, in the order of its parts. */
function jobsOf(db: Db, row: PerformanceResult): Promise<(AgentJob | undefined)[]> {
  const agents = (row.runnerResults as Stored).agents ?? [];
  return Promise.all(
    agents.map((part) => getOrganizationAgentJob(db, { organizationId: row.organizationId, id: part.jobId })),
  );
}

/** The agents' parts of a running result, each with its job and the report it holds. */
async function partsOf(db: Db, row: PerformanceResult): Promise<Part[]> {
  const agents = (row.runnerResults as Stored).agents ?? [];
  const jobs = await jobsOf(db, row);
  return agents.map((part, index) => ({ ...part, job: jobs[index], report: reportOf(jobs[index]) }));
}

/**
 * Whether every agent of the run `job` belongs to has reported: the API asks after each loadTest result, and
 * the last one wakes the workflow. Two agents reporting at once each see the other's committed result, so at
 * least one of them answers yes.
 */
export async function agentRunReported(
  db: Db,
  job: Pick<AgentJob, "organizationId" | "kind" | "payload">,
): Promise<PerformanceResult | null> {
  const resultId = (job.payload as { resultId?: unknown } | null)?.resultId;
  if (job.kind !== "loadTest" || typeof resultId !== "string") return null;
  const row = await getPerformanceResult(db, { organizationId: job.organizationId, id: resultId });
  if (row?.status !== "running" || row.source !== "agents") return null;
  return (await allAgentsReported(db, row)) ? row : null;
}

/** Whether every agent's job of a running result has finished, one way or the other. */
export async function allAgentsReported(db: Db, row: PerformanceResult): Promise<boolean> {
  return (await jobsOf(db, row)).every(finished);
}

/**
 * Finishes the run if it can; returns the row as it now stands (still running while agents are at work).
 * `force` finishes it with what has been reported, as the workflow does once its wait has ended.
 */
export async function collectAgentRun(
  db: Db,
  row: PerformanceResult,
  options: { now?: Date; force?: boolean } = {},
): Promise<PerformanceResult> {
  const now = options.now ?? new Date();
  if (row.status !== "running" || row.source !== "agents") return row;
  const stored = row.runnerResults as Stored;
  const agents = stored.agents ?? [];
  const scope = { organizationId: row.organizationId };
  const parts = await partsOf(db, row);
  const deadline = deadlineOf(row);
  const overdue = options.force === true || (deadline !== null && deadline <= now);
  if (agents.length > 0 && !overdue && !parts.every((part) => finished(part.job))) return row;
  if (overdue) {
    // Jobs still waiting would only run a test nobody collects: they are timed out, not delivered again.
    for (const part of parts.filter((p) => !finished(p.job))) {
      await markAgentJobTimedOut(db, {
        ...scope,
        id: part.jobId,
        timeoutSeconds: Math.round((now.getTime() - row.startedAt.getTime()) / 1000),
      });
    }
  }
  const profile = await getPerformanceProfile(db, { ...scope, id: row.profileId });
  const perAgent = parts.map((part) => ({
    connectionId: part.connectionId,
    ...(part.clusterName ? { clusterName: part.clusterName } : {}),
    agentId: part.agentId,
    jobId: part.jobId,
    // An unfinished job here was just timed out (the run is overdue).
    status: !part.job ? "missing" : finished(part.job) ? part.job.status : "timedOut",
    requests: part.report?.requests ?? 0,
    rps: part.report?.rps ?? 0,
    error: part.report ? (part.report.endedEarly?.cause ?? null) : (part.job?.error ?? null),
  }));
  // The live seconds are superseded by the reports' own series: they are not kept twice.
  const { live: _live, ...kept } = stored;
  const raw = { ...kept, agents: perAgent };
  const usable = parts.some((part) => part.report !== null);
  const outcome = usable
    ? recordOf(measure(parts, stored.plan?.durationMs ?? 0), profile ? thresholdsOf(profile) : [], raw)
    : erroredRecord(
        agents.length === 0
          ? "the run had no agents"
          : parts
              .map((part) =>
                finished(part.job)
                  ? `${agentOf(part)} failed: ${part.job?.error ?? "no usable result"}`
                  : `${agentOf(part)} did not report by the deadline`,
              )
              .join("; "),
        raw,
      );
  const done = await finishPerformanceResult(db, { ...scope, id: row.id, ...outcome });
  // Another reader finished it first (and recorded the event): answer with what it wrote.
  if (!done) return (await getPerformanceResult(db, { ...scope, id: row.id })) ?? row;
  await recordEvent(db, {
    organizationId: row.organizationId,
    actorType: "system",
    action: "performance.run_finished",
    severity: done.status === "passed" ? "info" : "warning",
    resourceType: "performance_result",
    resourceId: done.id,
    description: `The load test "${done.name}" on ${agents.length} cluster${agents.length === 1 ? "" : "s"} ${done.status}${done.error ? `: ${done.error}` : ""}`,
    metadata: { profileId: done.profileId, agents: perAgent.map((agent) => agent.connectionId) },
  });
  return done;
}

/**
 * An agent's seconds of a running loadTest job, as they close: stored under the job and merged into the
 * result's series, so the run is drawn live. `found` is false when the job is not this agent's loadTest job;
 * `accepted` is false once the job or its run has finished (the agent may stop sending).
 */
export async function recordAgentRunSeconds(
  db: Db,
  params: { organizationId: string; agentId: string; jobId: string; seconds: SecondOfRun[] },
): Promise<{ found: boolean; accepted: boolean }> {
  const job = await getOrganizationAgentJob(db, { organizationId: params.organizationId, id: params.jobId });
  const resultId = (job?.payload as { resultId?: unknown } | undefined)?.resultId;
  if (!job || job.agentId !== params.agentId || job.kind !== "loadTest" || typeof resultId !== "string") {
    return { found: false, accepted: false };
  }
  if (finished(job)) return { found: true, accepted: false };
  const accepted = await recordPerformancePartSeconds(db, {
    organizationId: params.organizationId,
    id: resultId,
    part: job.id,
    seconds: params.seconds,
    merge: (parts) => mergeSeries(Object.values(parts) as unknown as SecondOfRun[][]),
  });
  return { found: true, accepted };
}
