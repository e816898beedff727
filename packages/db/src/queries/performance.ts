// Performance profiles and their results, per organisation: a result is started, grows its per-second series
// while running, is finished once, and may be pinned as its profile's baseline.
import { and, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { performanceProfiles } from "../schema/performance-profiles";
import { performanceResults } from "../schema/performance-results";
import type { Db } from "../types";
import { DomainError, returnedRow, withTransaction } from "./transactions";

export type PerformanceProfile = typeof performanceProfiles.$inferSelect;
export type NewPerformanceProfile = Omit<
  typeof performanceProfiles.$inferInsert,
  "id" | "createdAt" | "updatedAt"
>;
export type PerformanceResult = typeof performanceResults.$inferSelect;
type Scoped = { organizationId: string; id: string };

const scopedProfile = (params: Scoped) =>
  and(eq(performanceProfiles.organizationId, params.organizationId), eq(performanceProfiles.id, params.id));

export async function createPerformanceProfile(
  db: Db,
  params: NewPerformanceProfile,
): Promise<PerformanceProfile> {
  return returnedRow(
    await db.insert(performanceProfiles).values(params).returning(),
    "insert into performance_profiles",
  );
}

export async function listPerformanceProfiles(
  db: Db,
  params: { organizationId: string; page?: number; pageSize?: number },
): Promise<{ profiles: PerformanceProfile[]; total: number }> {
  const pageSize = Math.min(Math.max(params.pageSize ?? 25, 1), 100);
  const where = eq(performanceProfiles.organizationId, params.organizationId);
  const [profiles, totals] = await Promise.all([
    db
      .select()
      .from(performanceProfiles)
      .where(where)
      .orderBy(desc(performanceProfiles.updatedAt), desc(performanceProfiles.id))
      .limit(pageSize)
      .offset(Math.max(params.page ?? 0, 0) * pageSize),
    db.select({ total: count() }).from(performanceProfiles).where(where),
  ]);
  return { profiles, total: Number(totals[0]?.total ?? 0) };
}

export async function getPerformanceProfile(db: Db, params: Scoped): Promise<PerformanceProfile | undefined> {
  const [row] = await db.select().from(performanceProfiles).where(scopedProfile(params));
  return row;
}

export async function updatePerformanceProfile(
  db: Db,
  params: Scoped & Partial<NewPerformanceProfile>,
): Promise<PerformanceProfile | undefined> {
  const { organizationId: _org, id: _id, ...fields } = params;
  const [row] = await db.update(performanceProfiles).set(fields).where(scopedProfile(params)).returning();
  return row;
}

export async function deletePerformanceProfile(db: Db, params: Scoped): Promise<boolean> {
  const removed = await db
    .delete(performanceProfiles)
    .where(scopedProfile(params))
    .returning({ id: performanceProfiles.id });
  return removed.length > 0;
}

export async function startPerformanceResult(
  db: Db,
  params: {
    organizationId: string;
    profileId: string;
    name: string;
    source?: PerformanceResult["source"];
    runnerResults?: Record<string, unknown>;
  },
): Promise<PerformanceResult> {
  return returnedRow(
    await db.insert(performanceResults).values(params).returning(),
    "insert into performance_results",
  );
}

/** Adds one second to a running result's series (live progress); a finished result is left alone. */
export async function appendPerformanceSeries(
  db: Db,
  params: Scoped & { seconds: unknown[] },
): Promise<boolean> {
  const rows = await db
    .update(performanceResults)
    .set({ series: sql`${performanceResults.series} || ${JSON.stringify(params.seconds)}::jsonb` })
    .where(
      and(
        eq(performanceResults.organizationId, params.organizationId),
        eq(performanceResults.id, params.id),
        eq(performanceResults.status, "running"),
      ),
    )
    .returning({ id: performanceResults.id });
  return rows.length > 0;
}

/**
 * Every organisation's in-cluster runs still running, oldest first: what a restarted one-machine process hands
 * back to the workflow that finishes them (its in-memory waits died with the old process).
 */
export async function listRunningAgentPerformanceResults(
  db: Db,
  params: { limit: number },
): Promise<PerformanceResult[]> {
  return db
    .select()
    .from(performanceResults)
    .where(and(eq(performanceResults.status, "running"), eq(performanceResults.source, "agents")))
    .orderBy(performanceResults.startedAt)
    .limit(params.limit);
}

/** One second of a run as generators report it; only `second` matters here, the rest is stored as it came. */
export type ReportedSecond = { second: number } & Record<string, unknown>;

/** A run is at most an hour long, so a part never holds more seconds than this (and a bit of slack). */
const MAX_PART_SECONDS = 3_700;

/**
 * Stores one part's live seconds of a running result (an agent's, keyed by its job id) under
 * `runnerResults.live`, a repeated second replacing the earlier copy, and sets the result's series to `merge`
 * of all parts. The row is locked for it, so agents reporting at once never drop each other's seconds.
 * False when the result is not running (it finished meanwhile): nothing is written.
 */
export async function recordPerformancePartSeconds(
  db: Db,
  params: Scoped & {
    part: string;
    seconds: ReportedSecond[];
    merge: (parts: Record<string, ReportedSecond[]>) => unknown[];
  },
): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ runnerResults: performanceResults.runnerResults })
      .from(performanceResults)
      .where(
        and(
          eq(performanceResults.organizationId, params.organizationId),
          eq(performanceResults.id, params.id),
          eq(performanceResults.status, "running"),
        ),
      )
      .for("update");
    if (!row) return false;
    const live = { ...((row.runnerResults as { live?: Record<string, ReportedSecond[]> }).live ?? {}) };
    const bySecond = new Map((live[params.part] ?? []).map((second) => [second.second, second]));
    for (const second of params.seconds) bySecond.set(second.second, second);
    live[params.part] = [...bySecond.values()].sort((a, b) => a.second - b.second).slice(0, MAX_PART_SECONDS);
    await tx
      .update(performanceResults)
      .set({
        runnerResults: sql`${performanceResults.runnerResults} || ${JSON.stringify({ live })}::jsonb`,
        series: params.merge(live),
      })
      .where(
        and(
          eq(performanceResults.organizationId, params.organizationId),
          eq(performanceResults.id, params.id),
        ),
      );
    return true;
  });
}

/** Merges keys into a running result's runnerResults (e.g. the agents' job ids); a finished one is left alone. */
export async function annotateRunningPerformanceResult(
  db: Db,
  params: Scoped & { runnerResults: Record<string, unknown> },
): Promise<PerformanceResult | undefined> {
  const [row] = await db
    .update(performanceResults)
    .set({
      runnerResults: sql`${performanceResults.runnerResults} || ${JSON.stringify(params.runnerResults)}::jsonb`,
    })
    .where(
      and(
        eq(performanceResults.organizationId, params.organizationId),
        eq(performanceResults.id, params.id),
        eq(performanceResults.status, "running"),
      ),
    )
    .returning();
  return row;
}

/** A finished result's fields; without `series`, the series recorded live is kept. */
export type FinishedPerformanceResult = Scoped &
  Pick<
    PerformanceResult,
    "status" | "histogram" | "percentiles" | "statusCodes" | "passed" | "runnerResults"
  > & {
    series?: unknown[];
    error?: string | null;
  };

/** Writes a run's outcome; only a running result is finished, so a late duplicate report changes nothing. */
export async function finishPerformanceResult(
  db: Db,
  params: FinishedPerformanceResult,
): Promise<PerformanceResult | undefined> {
  const { organizationId, id, ...fields } = params;
  const [row] = await db
    .update(performanceResults)
    .set({ ...fields, finishedAt: new Date() })
    .where(
      and(
        eq(performanceResults.organizationId, organizationId),
        eq(performanceResults.id, id),
        eq(performanceResults.status, "running"),
      ),
    )
    .returning();
  return row;
}

/** A finished result brought in from elsewhere (SMP, Fortio): written whole, never running. */
export async function insertImportedPerformanceResult(
  db: Db,
  params: Omit<FinishedPerformanceResult, "id"> & {
    profileId: string;
    name: string;
    startedAt: Date;
    finishedAt: Date;
  },
): Promise<PerformanceResult> {
  return returnedRow(
    await db
      .insert(performanceResults)
      .values({ ...params, source: "import" })
      .returning(),
    "insert into performance_results",
  );
}

export function listPerformanceResults(
  db: Db,
  params: { organizationId: string; profileId?: string; limit?: number },
): Promise<PerformanceResult[]> {
  return db
    .select()
    .from(performanceResults)
    .where(
      and(
        eq(performanceResults.organizationId, params.organizationId),
        params.profileId ? eq(performanceResults.profileId, params.profileId) : undefined,
      ),
    )
    .orderBy(desc(performanceResults.startedAt), desc(performanceResults.id))
    .limit(Math.min(params.limit ?? 50, 200));
}

export async function getPerformanceResult(db: Db, params: Scoped): Promise<PerformanceResult | undefined> {
  const [row] = await db
    .select()
    .from(performanceResults)
    .where(
      and(eq(performanceResults.organizationId, params.organizationId), eq(performanceResults.id, params.id)),
    );
  return row;
}

/** Several results of one organisation by id, in no particular order; ids of other tenants are not found. */
export function getPerformanceResults(
  db: Db,
  params: { organizationId: string; ids: string[] },
): Promise<PerformanceResult[]> {
  if (params.ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(performanceResults)
    .where(
      and(
        eq(performanceResults.organizationId, params.organizationId),
        inArray(performanceResults.id, params.ids),
      ),
    );
}

/** The profile's pinned baseline, if one is pinned. */
export async function getPerformanceBaseline(
  db: Db,
  params: { organizationId: string; profileId: string },
): Promise<PerformanceResult | undefined> {
  const [row] = await db
    .select()
    .from(performanceResults)
    .where(
      and(
        eq(performanceResults.organizationId, params.organizationId),
        eq(performanceResults.profileId, params.profileId),
        eq(performanceResults.isBaseline, true),
      ),
    );
  return row;
}

/**
 * Pins a finished result as its profile's baseline, unpinning the previous one in the same transaction
 * (a partial unique index allows one per profile). A running result cannot be a baseline.
 */
export async function pinPerformanceBaseline(db: Db, params: Scoped): Promise<PerformanceResult> {
  return withTransaction(db, async (tx) => {
    const [target] = await tx
      .select()
      .from(performanceResults)
      .where(
        and(
          eq(performanceResults.organizationId, params.organizationId),
          eq(performanceResults.id, params.id),
        ),
      )
      .for("update");
    if (!target) throw new DomainError("not_found", `No result ${params.id}`);
    if (target.status === "running") {
      throw new DomainError(
        "conflict",
        "A running result cannot be the baseline; pin it once it has finished",
      );
    }
    await tx
      .update(performanceResults)
      .set({ isBaseline: false })
      .where(
        and(
          eq(performanceResults.organizationId, params.organizationId),
          eq(performanceResults.profileId, target.profileId),
          eq(performanceResults.isBaseline, true),
          ne(performanceResults.id, target.id),
        ),
      );
    return returnedRow(
      await tx
        .update(performanceResults)
        .set({ isBaseline: true })
        .where(eq(performanceResults.id, target.id))
        .returning(),
      "pin performance baseline",
    );
  });
}

export async function unpinPerformanceBaseline(
  db: Db,
  params: Scoped,
): Promise<PerformanceResult | undefined> {
  const [row] = await db
    .update(performanceResults)
    .set({ isBaseline: false })
    .where(
      and(eq(performanceResults.organizationId, params.organizationId), eq(performanceResults.id, params.id)),
    )
    .returning();
  return row;
}
