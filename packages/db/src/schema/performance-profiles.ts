// Performance profiles (Meshery's PerformanceProfile): what to load-test, how hard, for how long, and what passes.
import { relations } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { organizations } from "./organizations";
import { performanceResults } from "./performance-results";
import { performanceSchedules } from "./performance-schedules";
import { users } from "./users";

export const loadGenerators = ["fortio", "wrk2", "nighthawk", "builtin"] as const;

/** Limits a run must stay within to pass, e.g. `{ p99Ms: 250, errorRate: 0.01 }`. */
export type PerformanceThresholds = Record<string, number>;

export const performanceProfiles = pgTable(
  "performance_profiles",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    name: text().notNull(),
    endpoints: text().array().notNull(),
    loadGenerator: text({ enum: loadGenerators }).notNull().default("builtin"),
    concurrency: integer().notNull().default(1),
    // Requests per second; 0 means as fast as the generator can.
    qps: integer().notNull().default(0),
    // A Go duration string ("30s", "2m") as Meshery sends it.
    duration: text().notNull().default("30s"),
    serviceMesh: text(),
    requestHeaders: jsonb().$type<Record<string, string>>().notNull().default({}),
    requestCookies: jsonb().$type<Record<string, string>>().notNull().default({}),
    requestBody: text(),
    contentType: text(),
    thresholds: jsonb().$type<PerformanceThresholds>().notNull().default({}),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [index().on(t.organizationId, t.updatedAt), unique().on(t.id, t.organizationId)],
);

export const performanceProfilesRelations = relations(performanceProfiles, ({ one, many }) => ({
  organization: one(organizations, {
    fields: [performanceProfiles.organizationId],
    references: [organizations.id],
  }),
  owner: one(users, { fields: [performanceProfiles.ownerId], references: [users.id] }),
  results: many(performanceResults),
  schedules: many(performanceSchedules),
}));
