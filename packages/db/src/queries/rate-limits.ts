// Fixed-window rate limiting in the database, so every API instance (Node or Workers) counts together.
import { sql } from "drizzle-orm";
import { rateLimits } from "../schema/rate-limits";
import type { Db } from "../types";

export type RateLimitHit = { count: number; limit: number; allowed: boolean; retryAfterSeconds: number };

/** Counts one request for `key` in the current window and says whether it is within `limit`. */
export async function hitRateLimit(
  db: Db,
  params: { key: string; limit: number; windowSeconds: number; now?: Date },
): Promise<RateLimitHit> {
  const now = params.now ?? new Date();
  const windowMs = params.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: params.key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? 1;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { count, limit: params.limit, allowed: count <= params.limit, retryAfterSeconds };
}

/** Drops windows that ended before `before`; the limiter never reads them again. */
export async function pruneRateLimits(db: Db, params: { before: Date }): Promise<void> {
  await db.delete(rateLimits).where(sql`${rateLimits.windowStart} < ${params.before}`);
}
