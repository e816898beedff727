// Audit events: append and read, always scoped to one organisation (or to none, for system events).
import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { events } from "../schema/events";
import type { Db } from "../types";

export type NewEvent = typeof events.$inferInsert;
export type Event = typeof events.$inferSelect;

export async function recordEvent(db: Db, event: NewEvent): Promise<Event> {
  const [row] = await db.insert(events).values(event).returning();
  if (!row) throw new Error("insert into events returned no row");
  return row;
}

export async function listEvents(
  db: Db,
  params: { organizationId: string | null; limit?: number; before?: Date },
): Promise<Event[]> {
  const tenant =
    params.organizationId === null
      ? isNull(events.organizationId)
      : eq(events.organizationId, params.organizationId);
  return db
    .select()
    .from(events)
    .where(params.before ? and(tenant, lt(events.createdAt, params.before)) : tenant)
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(Math.min(params.limit ?? 50, 200));
}
