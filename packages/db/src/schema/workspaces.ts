// Workspaces: collaboration spaces inside an organisation, linked to teams, environments and designs.
import { relations } from "drizzle-orm";
import { jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { designs } from "./designs";
import { organizations } from "./organizations";
import { users } from "./users";
import { workspaceDesigns } from "./workspace-designs";
import { workspaceEnvironments } from "./workspace-environments";
import { workspaceTeams } from "./workspace-teams";

export const workspaces = pgTable(
  "workspaces",
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

export const workspacesRelations = relations(workspaces, ({ one, many }) => ({
  organization: one(organizations, { fields: [workspaces.organizationId], references: [organizations.id] }),
  owner: one(users, { fields: [workspaces.ownerId], references: [users.id] }),
  designs: many(designs),
  teamLinks: many(workspaceTeams),
  environmentLinks: many(workspaceEnvironments),
  designLinks: many(workspaceDesigns),
}));
