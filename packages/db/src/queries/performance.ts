// Performance profiles and their results, per organisation; results are written once a run finishes.
import { and, count, desc, eq } from "drizzle-orm";
import { performanceProfiles } from "../schema/performance-profiles";
import { performanceResults } from "../schema/performance-results";
import type { Db } from "../types";
import { returnedRow } from "./transactions";

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
  params: { organizationId: string; profileId: string; name: string },
): Promise<PerformanceResult> {
  return returnedRow(
    await db.insert(performanceResults).values(params).returning(),
    "insert into performance_results",
  );
}

/** Writes a run's outcome; only a running result is finished, so a late duplicate report changes nothing. */
export async function finishPerformanceResult(
  db: Db,
  params: Scoped &
    Pick<
      PerformanceResult,
      "status" | "histogram" | "percentiles" | "series" | "statusCodes" | "passed" | "runnerResults"
    >,
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
