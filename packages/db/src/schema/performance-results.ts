// Results of performance runs: latency histogram and percentiles, per-second series, status codes, pass or fail.
import { relations, sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id } from "./_columns";
import { organizations } from "./organizations";
import { performanceProfiles } from "./performance-profiles";

export const performanceResultStatuses = ["running", "passed", "failed", "errored", "completed"] as const;
export type PerformanceResultStatus = (typeof performanceResultStatuses)[number];

export const performanceResults = pgTable(
  "performance_results",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    profileId: uuid().notNull(),
    name: text().notNull().default(""),
    // passed/failed by the thresholds, errored when no result could be measured; "completed" is a legacy value.
    status: text({ enum: performanceResultStatuses }).notNull().default("running"),
    // Why the run errored or ended early (target gone, agent lost); null for a run that went to its end.
    error: text(),
    source: text({ enum: ["local", "agents", "import"] })
      .notNull()
      .default("local"),
    // At most one pinned baseline per profile, that comparisons default to.
    isBaseline: boolean().notNull().default(false),
    // The serialised HDR histogram (JSON of the load generator's codec), so runs from several agents merge exactly.
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
    // Running results are few and looked up across organisations (a restart resumes in-cluster ones).
    index("performance_results_running_started_at").on(t.startedAt).where(sql`${t.status} = 'running'`),
    uniqueIndex("performance_results_one_baseline_per_profile").on(t.profileId).where(sql`${t.isBaseline}`),
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
