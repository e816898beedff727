// Jobs for an agent: enqueued once per idempotency key, claimed by long polls, acknowledged, finished once.
import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { agentJobs } from "../schema/agent-jobs";
import type { Db } from "../types";
import { DomainError, returnedRow } from "./transactions";

export type AgentJob = typeof agentJobs.$inferSelect;
type Scoped = { organizationId: string; agentId: string; id: string };

/** A delivery nobody acknowledged is retried after this; the agent answers repeats from its own record. */
export const AGENT_JOB_REDELIVER_UNACKED_MS = 60_000;
/** An acknowledged job without a result (the agent restarted mid-job) is offered again after this. */
export const AGENT_JOB_REDELIVER_UNFINISHED_MS = 10 * 60_000;

/** Enqueues a job; a retried enqueue with the same key returns the job it created the first time. */
export async function enqueueAgentJob(
  db: Db,
  params: {
    organizationId: string;
    agentId: string;
    kind: string;
    payload: Record<string, unknown>;
    idempotencyKey: string;
  },
): Promise<AgentJob> {
  const [inserted] = await db.insert(agentJobs).values(params).onConflictDoNothing().returning();
  if (inserted) return inserted;
  const [existing] = await db
    .select()
    .from(agentJobs)
    .where(
      and(
        eq(agentJobs.organizationId, params.organizationId),
        eq(agentJobs.idempotencyKey, params.idempotencyKey),
      ),
    );
  return returnedRow(existing ? [existing] : [], "select agent_jobs by idempotency key");
}

/**
 * Marks up to `limit` jobs delivered and returns them: queued ones first, then deliveries that were never
 * acknowledged or never finished in time. SKIP LOCKED keeps two concurrent polls from taking the same job.
 */
export async function claimAgentJobs(
  db: Db,
  params: { organizationId: string; agentId: string; limit: number; now?: Date },
): Promise<AgentJob[]> {
  const now = params.now ?? new Date();
  const unacked = new Date(now.getTime() - AGENT_JOB_REDELIVER_UNACKED_MS);
  const unfinished = new Date(now.getTime() - AGENT_JOB_REDELIVER_UNFINISHED_MS);
  const claimable = db
    .select({ id: agentJobs.id })
    .from(agentJobs)
    .where(
      and(
        eq(agentJobs.organizationId, params.organizationId),
        eq(agentJobs.agentId, params.agentId),
        or(
          eq(agentJobs.status, "queued"),
          and(eq(agentJobs.status, "delivered"), lt(agentJobs.deliveredAt, unacked)),
          and(eq(agentJobs.status, "acknowledged"), lt(agentJobs.deliveredAt, unfinished)),
        ),
      ),
    )
    .orderBy(asc(agentJobs.createdAt), asc(agentJobs.id))
    .limit(params.limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(agentJobs)
    .set({ status: "delivered", deliveredAt: now, attempts: sql`${agentJobs.attempts} + 1` })
    .where(inArray(agentJobs.id, claimable))
    .returning();
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

export async function getAgentJob(db: Db, params: Scoped): Promise<AgentJob | undefined> {
  const [row] = await db
    .select()
    .from(agentJobs)
    .where(
      and(
        eq(agentJobs.organizationId, params.organizationId),
        eq(agentJobs.agentId, params.agentId),
        eq(agentJobs.id, params.id),
      ),
    );
  return row;
}

/** A job as its organisation's users see it (progress of a deployment), whichever agent runs it. */
export async function getOrganizationAgentJob(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<AgentJob | undefined> {
  const [row] = await db
    .select()
    .from(agentJobs)
    .where(and(eq(agentJobs.organizationId, params.organizationId), eq(agentJobs.id, params.id)));
  return row;
}

/** Acknowledges a delivered job; acknowledging again, or after the result, is accepted and changes nothing. */
export async function acknowledgeAgentJob(db: Db, params: Scoped): Promise<AgentJob> {
  const [row] = await db
    .update(agentJobs)
    .set({ status: "acknowledged", acknowledgedAt: new Date() })
    .where(
      and(
        eq(agentJobs.organizationId, params.organizationId),
        eq(agentJobs.agentId, params.agentId),
        eq(agentJobs.id, params.id),
        eq(agentJobs.status, "delivered"),
      ),
    )
    .returning();
  if (row) return row;
  const current = await getAgentJob(db, params);
  if (!current) throw new DomainError("not_found", `No job ${params.id}`);
  if (current.status === "queued")
    throw new DomainError("invalid_transition", "The job was not delivered yet");
  return current;
}

export type AgentJobOutcome = { status: "succeeded" | "failed"; result: unknown; error: string | null };

/**
 * Records the job's outcome once. A repeat of the same outcome (the agent retrying a report whose answer
 * it lost) is accepted and changes nothing; a different outcome for a finished job is a conflict.
 */
export async function reportAgentJobResult(
  db: Db,
  params: Scoped & AgentJobOutcome,
): Promise<{ job: AgentJob; changed: boolean }> {
  const scope = and(
    eq(agentJobs.organizationId, params.organizationId),
    eq(agentJobs.agentId, params.agentId),
    eq(agentJobs.id, params.id),
  );
  const result = params.result ?? null;
  const [row] = await db
    .update(agentJobs)
    .set({ status: params.status, result, error: params.error, finishedAt: new Date() })
    .where(and(scope, inArray(agentJobs.status, ["queued", "delivered", "acknowledged"])))
    .returning();
  if (row) return { job: row, changed: true };
  // jsonb equality ignores key order and whitespace, which a JSON string comparison would not.
  const [same] = await db
    .select()
    .from(agentJobs)
    .where(
      and(
        scope,
        eq(agentJobs.status, params.status),
        result === null
          ? sql`${agentJobs.result} is null`
          : sql`${agentJobs.result} = ${JSON.stringify(result)}::jsonb`,
        sql`${agentJobs.error} is not distinct from ${params.error}`,
      ),
    );
  if (same) return { job: same, changed: false };
  if (!(await getAgentJob(db, params))) throw new DomainError("not_found", `No job ${params.id}`);
  throw new DomainError("conflict", "The job already has a different result");
}
