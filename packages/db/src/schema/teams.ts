// Teams: groups of an organisation's members, granted access to workspaces.
import { relations } from "drizzle-orm";
import { jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { organizations } from "./organizations";
import { teamMemberships } from "./team-memberships";
import { users } from "./users";
import { workspaceTeams } from "./workspace-teams";

export const teams = pgTable(
  "teams",
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

export const teamsRelations = relations(teams, ({ one, many }) => ({
  organization: one(organizations, { fields: [teams.organizationId], references: [organizations.id] }),
  owner: one(users, { fields: [teams.ownerId], references: [users.id] }),
  members: many(teamMemberships),
  workspaces: many(workspaceTeams),
}));
