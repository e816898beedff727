// Links between workspaces and teams (many-to-many), both ends bound to the same organisation by foreign keys.
import { relations } from "drizzle-orm";
import { foreignKey, index, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";
import { teams } from "./teams";
import { workspaces } from "./workspaces";

export const workspaceTeams = pgTable(
  "workspace_teams",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workspaceId: uuid().notNull(),
    teamId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.teamId] }),
    index().on(t.teamId),
    foreignKey({
      name: "workspace_teams_workspace_id_tenant_fk",
      columns: [t.workspaceId, t.organizationId],
      foreignColumns: [workspaces.id, workspaces.organizationId],
    }).onDelete("cascade"),
    foreignKey({
      name: "workspace_teams_team_id_tenant_fk",
      columns: [t.teamId, t.organizationId],
      foreignColumns: [teams.id, teams.organizationId],
    }).onDelete("cascade"),
  ],
);

export const workspaceTeamsRelations = relations(workspaceTeams, ({ one }) => ({
  workspace: one(workspaces, { fields: [workspaceTeams.workspaceId], references: [workspaces.id] }),
  team: one(teams, { fields: [workspaceTeams.teamId], references: [teams.id] }),
}));
