// Environments: named groups of connections (and their credentials) inside an organisation.
import { relations } from "drizzle-orm";
import { jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { environmentConnections } from "./environment-connections";
import { organizations } from "./organizations";
import { users } from "./users";
import { workspaceEnvironments } from "./workspace-environments";

export const environments = pgTable(
  "environments",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
  },
  // (id, organization_id) is unique so links can prove, by foreign key, that both ends share a tenant.
  (t) => [unique().on(t.organizationId, t.name), unique().on(t.id, t.organizationId)],
);

export const environmentsRelations = relations(environments, ({ one, many }) => ({
  organization: one(organizations, { fields: [environments.organizationId], references: [organizations.id] }),
  owner: one(users, { fields: [environments.ownerId], references: [users.id] }),
  connectionLinks: many(environmentConnections),
  workspaceLinks: many(workspaceEnvironments),
}));
