// Connections: external systems an organisation manages (Kubernetes clusters, Prometheus, GitHub...), with Meshery's states.
import { relations } from "drizzle-orm";
import { index, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { agents } from "./agents";
import { credentials } from "./credentials";
import { environmentConnections } from "./environment-connections";
import { organizations } from "./organizations";
import { users } from "./users";

export const connectionStatuses = [
  "discovered",
  "registered",
  "connected",
  "ignored",
  "maintenance",
  "disconnected",
  "deleted",
  "not found",
] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

export const connections = pgTable(
  "connections",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    // Open-ended (kubernetes, prometheus, github, aws...); type and subType are Meshery's categories.
    kind: text().notNull(),
    type: text().notNull(),
    subType: text().notNull(),
    url: text(),
    status: text({ enum: connectionStatuses }).notNull().default("discovered"),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    credentialId: uuid().references(() => credentials.id, { onDelete: "set null" }),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index().on(t.organizationId, t.kind),
    index().on(t.organizationId, t.status),
    index().on(t.credentialId),
    unique().on(t.id, t.organizationId),
  ],
);

export const connectionsRelations = relations(connections, ({ one, many }) => ({
  organization: one(organizations, { fields: [connections.organizationId], references: [organizations.id] }),
  credential: one(credentials, { fields: [connections.credentialId], references: [credentials.id] }),
  owner: one(users, { fields: [connections.ownerId], references: [users.id] }),
  environmentLinks: many(environmentConnections),
  agents: many(agents),
}));
