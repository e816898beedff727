// Schedules that run a performance profile on a cron expression; nextRunAt is what the scheduler polls.
import { relations } from "drizzle-orm";
import { boolean, foreignKey, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { organizations } from "./organizations";
import { performanceProfiles } from "./performance-profiles";

export const performanceSchedules = pgTable(
  "performance_schedules",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    profileId: uuid().notNull(),
    name: text().notNull().default(""),
    cronExpression: text().notNull(),
    timezone: text().notNull().default("UTC"),
    enabled: boolean().notNull().default(true),
    nextRunAt: timestamp({ withTimezone: true }),
    lastRunAt: timestamp({ withTimezone: true }),
    // Connections whose agents run the profile; empty runs it from the API machine (the one-machine mode).
    connectionIds: uuid().array().notNull().default([]),
    lastResultId: uuid(),
    ...timestamps,
  },
  (t) => [
    index().on(t.enabled, t.nextRunAt),
    foreignKey({
      name: "performance_schedules_profile_id_tenant_fk",
      columns: [t.profileId, t.organizationId],
      foreignColumns: [performanceProfiles.id, performanceProfiles.organizationId],
    }).onDelete("cascade"),
  ],
);

export const performanceSchedulesRelations = relations(performanceSchedules, ({ one }) => ({
  profile: one(performanceProfiles, {
    fields: [performanceSchedules.profileId],
    references: [performanceProfiles.id],
  }),
}));
