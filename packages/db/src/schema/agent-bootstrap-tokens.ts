// Single-use, expiring tokens an agent exchanges for its credential when it first registers.
import { relations } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./_columns";
import { agents } from "./agents";
import { organizations } from "./organizations";
import { users } from "./users";

export const agentBootstrapTokens = pgTable(
  "agent_bootstrap_tokens",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    // What the cluster will be called once its agent registers; chosen by the user who makes the token.
    name: text(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    // Set once, in the same statement that checks it is still null: that is what makes the token single-use.
    usedAt: timestamp({ withTimezone: true }),
    agentId: uuid().references(() => agents.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId)],
);

export const agentBootstrapTokensRelations = relations(agentBootstrapTokens, ({ one }) => ({
  organization: one(organizations, {
    fields: [agentBootstrapTokens.organizationId],
    references: [organizations.id],
  }),
  agent: one(agents, { fields: [agentBootstrapTokens.agentId], references: [agents.id] }),
}));
