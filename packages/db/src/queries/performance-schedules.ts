// Schedules that run a performance profile on a cron expression, per organisation; due schedules are claimed
// by an UPDATE that only one scheduler can win, which moves nextRunAt on, so each due run happens once.
import { and, asc, desc, eq, lte } from "drizzle-orm";
import { performanceSchedules } from "../schema/performance-schedules";
import type { Db } from "../types";
import { nextCronRun } from "./cron";
import { returnedRow } from "./transactions";

export type PerformanceSchedule = typeof performanceSchedules.$inferSelect;
type Scoped = { organizationId: string; id: string };
type Fields = {
  profileId: string;
  name: string;
  cronExpression: string;
  enabled: boolean;
  connectionIds: string[];
};

const scoped = (params: Scoped) =>
  and(eq(performanceSchedules.organizationId, params.organizationId), eq(performanceSchedules.id, params.id));

const nextRunOf = (fields: Pick<Fields, "cronExpression" | "enabled">, now: Date) =>
  fields.enabled ? nextCronRun(fields.cronExpression, now) : null;

export async function createPerformanceSchedule(
  db: Db,
  params: Fields & { organizationId: string; now?: Date },
): Promise<PerformanceSchedule> {
  const { now = new Date(), ...fields } = params;
  return returnedRow(
    await db
      .insert(performanceSchedules)
      .values({ ...fields, nextRunAt: nextRunOf(fields, now) })
      .returning(),
    "insert into performance_schedules",
  );
}

export function listPerformanceSchedules(
  db: Db,
  params: { organizationId: string; profileId?: string },
): Promise<PerformanceSchedule[]> {
  return db
    .select()
    .from(performanceSchedules)
    .where(
      and(
        eq(performanceSchedules.organizationId, params.organizationId),
        params.profileId ? eq(performanceSchedules.profileId, params.profileId) : undefined,
      ),
    )
    .orderBy(desc(performanceSchedules.createdAt), desc(performanceSchedules.id))
    .limit(200);
}

export async function getPerformanceSchedule(
  db: Db,
  params: Scoped,
): Promise<PerformanceSchedule | undefined> {
  const [row] = await db.select().from(performanceSchedules).where(scoped(params));
  return row;
}

/** Replaces a schedule's fields; the next run is recomputed from now. */
export async function updatePerformanceSchedule(
  db: Db,
  params: Scoped & Fields & { now?: Date },
): Promise<PerformanceSchedule | undefined> {
  const { organizationId: _o, id: _i, now = new Date(), ...fields } = params;
  const [row] = await db
    .update(performanceSchedules)
    .set({ ...fields, nextRunAt: nextRunOf(fields, now) })
    .where(scoped(params))
    .returning();
  return row;
}

export async function deletePerformanceSchedule(db: Db, params: Scoped): Promise<boolean> {
  const removed = await db
    .delete(performanceSchedules)
    .where(scoped(params))
    .returning({ id: performanceSchedules.id });
  return removed.length > 0;
}

/**
 * Claims the schedules due at `now` (any organisation): each is moved to its next run by an UPDATE ... WHERE
 * next_run_at <= now RETURNING, which a concurrent scheduler cannot also win. Missed runs collapse into one.
 */
export async function claimDuePerformanceSchedules(
  db: Db,
  params: { now: Date; limit?: number },
): Promise<PerformanceSchedule[]> {
  const due = await db
    .select({ id: performanceSchedules.id, cronExpression: performanceSchedules.cronExpression })
    .from(performanceSchedules)
    .where(and(eq(performanceSchedules.enabled, true), lte(performanceSchedules.nextRunAt, params.now)))
    .orderBy(asc(performanceSchedules.nextRunAt))
    .limit(params.limit ?? 100);
  const claimed: PerformanceSchedule[] = [];
  for (const schedule of due) {
    let next: Date | null;
    try {
      next = nextCronRun(schedule.cronExpression, params.now);
    } catch {
      // An expression that no longer parses stops the schedule rather than firing it every tick.
      next = null;
    }
    const [row] = await db
      .update(performanceSchedules)
      .set({ nextRunAt: next, lastRunAt: params.now })
      .where(
        and(
          eq(performanceSchedules.id, schedule.id),
          eq(performanceSchedules.enabled, true),
          lte(performanceSchedules.nextRunAt, params.now),
        ),
      )
      .returning();
    if (row) claimed.push(row);
  }
  return claimed;
}

export async function recordScheduledPerformanceRun(
  db: Db,
  params: Scoped & { resultId: string },
): Promise<void> {
  await db.update(performanceSchedules).set({ lastResultId: params.resultId }).where(scoped(params));
}
