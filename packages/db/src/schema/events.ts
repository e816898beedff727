// Audit events: who did what to which resource, readable per organisation.
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./_columns";
import { organizations } from "./organizations";

export const events = pgTable(
  "events",
  {
    id: id(),
    // Null for events that belong to no tenant (system start, provider-wide actions).
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    actorType: text().notNull(),
    actorId: text(),
    action: text().notNull(),
    resourceType: text(),
    resourceId: text(),
    severity: text({ enum: ["debug", "info", "warning", "error", "critical"] })
      .notNull()
      .default("info"),
    description: text().notNull().default(""),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId, t.createdAt)],
);
