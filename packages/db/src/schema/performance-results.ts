// Results of performance runs: latency histogram and percentiles, per-second series, status codes, pass or fail.
import { relations } from "drizzle-orm";
import { boolean, foreignKey, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./_columns";
import { organizations } from "./organizations";
import { performanceProfiles } from "./performance-profiles";

export const performanceResults = pgTable(
  "performance_results",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    profileId: uuid().notNull(),
    name: text().notNull().default(""),
    status: text({ enum: ["running", "completed", "failed"] })
      .notNull()
      .default("running"),
    // Base64 of the HDR histogram's compressed encoding, so runs from several agents can be merged later.
    histogram: text(),
    percentiles: jsonb().$type<Record<string, number>>().notNull().default({}),
    series: jsonb().$type<unknown[]>().notNull().default([]),
    statusCodes: jsonb().$type<Record<string, number>>().notNull().default({}),
    // Null until the thresholds are evaluated.
    passed: boolean(),
    // Raw load-generator output, as Meshery's runner_results carries it.
    runnerResults: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.profileId, t.startedAt),
    foreignKey({
      name: "performance_results_profile_id_tenant_fk",
      columns: [t.profileId, t.organizationId],
      foreignColumns: [performanceProfiles.id, performanceProfiles.organizationId],
    }).onDelete("cascade"),
  ],
);

export const performanceResultsRelations = relations(performanceResults, ({ one }) => ({
  profile: one(performanceProfiles, {
    fields: [performanceResults.profileId],
    references: [performanceProfiles.id],
  }),
}));
