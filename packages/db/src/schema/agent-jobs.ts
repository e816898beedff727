// Jobs queued for an agent (apply a design, run a load test...), tracked from queued to a final outcome.
import { relations, sql } from "drizzle-orm";
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { agents } from "./agents";
import { organizations } from "./organizations";

export const agentJobStatuses = ["queued", "delivered", "acknowledged", "succeeded", "failed"] as const;
export type AgentJobStatus = (typeof agentJobStatuses)[number];

export const agentJobs = pgTable(
  "agent_jobs",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    agentId: uuid().notNull(),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: text({ enum: agentJobStatuses }).notNull().default("queued"),
    // Workflows retry; the key makes a retried enqueue find the job it already created.
    idempotencyKey: text().notNull(),
    attempts: integer().notNull().default(0),
    result: jsonb(),
    error: text(),
    deliveredAt: timestamp({ withTimezone: true }),
    acknowledgedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    unique().on(t.organizationId, t.idempotencyKey),
    index().on(t.agentId, t.status, t.createdAt),
    // The forgotten-jobs sweep reads unfinished jobs across organisations, oldest first: only those are indexed.
    index("agent_jobs_unfinished_created_at")
      .on(t.createdAt)
      .where(sql`${t.status} in ('queued', 'delivered', 'acknowledged')`),
    foreignKey({
      name: "agent_jobs_agent_id_tenant_fk",
      columns: [t.agentId, t.organizationId],
      foreignColumns: [agents.id, agents.organizationId],
    }).onDelete("cascade"),
  ],
);

export const agentJobsRelations = relations(agentJobs, ({ one }) => ({
  organization: one(organizations, { fields: [agentJobs.organizationId], references: [organizations.id] }),
  agent: one(agents, { fields: [agentJobs.agentId], references: [agents.id] }),
}));
