// What happens to agent jobs after delivery besides the agent's report: timeouts, late reports, recent history.
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { agentJobs } from "../schema/agent-jobs";
import type { Db } from "../types";
import type { AgentJob, AgentJobOutcome } from "./agent-jobs";

const unfinished = ["queued", "delivered", "acknowledged"] as const;

/** The `result` of a job the deployment workflow gave up on; a later agent report may still replace it. */
export type TimedOutResult = { timedOut: true; timeoutSeconds: number; statusAtTimeout: string };

export function isTimedOutJob(job: Pick<AgentJob, "status" | "result">): boolean {
  const result = job.result as Partial<TimedOutResult> | null;
  return job.status === "failed" && result?.timedOut === true;
}

/**
 * Fails a job that is still unfinished because no result came in time; it is no longer delivered.
 * Returns `changed: false` with the job as it stands when a result landed first (or it was never there).
 */
export async function markAgentJobTimedOut(
  db: Db,
  params: { organizationId: string; id: string; timeoutSeconds: number },
): Promise<{ job: AgentJob | undefined; changed: boolean }> {
  const scope = and(eq(agentJobs.organizationId, params.organizationId), eq(agentJobs.id, params.id));
  const [current] = await db.select().from(agentJobs).where(scope);
  if (!current || !unfinished.some((status) => status === current.status)) {
    return { job: current, changed: false };
  }
  const result: TimedOutResult = {
    timedOut: true,
    timeoutSeconds: params.timeoutSeconds,
    statusAtTimeout: current.status,
  };
  const [row] = await db
    .update(agentJobs)
    .set({
      status: "failed",
      result,
      error: timeoutMessage(current.status, params.timeoutSeconds),
      finishedAt: new Date(),
    })
    .where(and(scope, inArray(agentJobs.status, [...unfinished])))
    .returning();
  if (row) return { job: row, changed: true };
  const [after] = await db.select().from(agentJobs).where(scope);
  return { job: after, changed: false };
}

function timeoutMessage(status: string, seconds: number): string {
  const waited = seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`;
  const where =
    status === "queued"
      ? "the agent never picked it up (is the cluster connected?)"
      : status === "delivered"
        ? "the agent received it but never acknowledged it"
        : "the agent acknowledged it but never reported a result";
  return `Timed out after ${waited}: ${where}. It will not be delivered again.`;
}

/**
 * Records a result that arrived after the workflow timed the job out: what the agent did in the cluster
 * is the truth, so it replaces the timeout. Undefined when the job was not timed out (or is not this agent's).
 */
export async function recordLateAgentJobResult(
  db: Db,
  params: { organizationId: string; agentId: string; id: string } & AgentJobOutcome,
): Promise<AgentJob | undefined> {
  const [row] = await db
    .update(agentJobs)
    .set({
      status: params.status,
      result: params.result ?? null,
      error: params.error,
      finishedAt: new Date(),
    })
    .where(
      and(
        eq(agentJobs.organizationId, params.organizationId),
        eq(agentJobs.agentId, params.agentId),
        eq(agentJobs.id, params.id),
        eq(agentJobs.status, "failed"),
        sql`${agentJobs.result}->>'timedOut' = 'true'`,
      ),
    )
    .returning();
  return row;
}

/** An agent's latest jobs, newest first, for the cluster page. */
export function listRecentAgentJobs(
  db: Db,
  params: { organizationId: string; agentId: string; limit: number },
): Promise<AgentJob[]> {
  return db
    .select()
    .from(agentJobs)
    .where(and(eq(agentJobs.organizationId, params.organizationId), eq(agentJobs.agentId, params.agentId)))
    .orderBy(desc(agentJobs.createdAt), desc(agentJobs.id))
    .limit(params.limit);
}

/** Unfinished jobs of these kinds created before `olderThan`, across organisations, oldest first. */
export function listForgottenAgentJobs(
  db: Db,
  params: { kinds: string[]; olderThan: Date; limit: number },
): Promise<AgentJob[]> {
  return db
    .select()
    .from(agentJobs)
    .where(
      and(
        inArray(agentJobs.status, [...unfinished]),
        inArray(agentJobs.kind, params.kinds),
        lt(agentJobs.createdAt, params.olderThan),
      ),
    )
    .orderBy(asc(agentJobs.createdAt))
    .limit(params.limit);
}
