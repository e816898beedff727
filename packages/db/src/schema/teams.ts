// Teams: groups of an organisation's members, granted access to workspaces.
import { relations } from "drizzle-orm";
import { pgTable } from "drizzle-orm/pg-core";
import { namedTenantColumns, namedTenantConstraints } from "./_tenant-columns";
import { organizations } from "./organizations";
import { teamMemberships } from "./team-memberships";
import { users } from "./users";
import { workspaceTeams } from "./workspace-teams";

export const teams = pgTable("teams", namedTenantColumns(), (t) => namedTenantConstraints(t));

export const teamsRelations = relations(teams, ({ one, many }) => ({
  organization: one(organizations, { fields: [teams.organizationId], references: [organizations.id] }),
  owner: one(users, { fields: [teams.ownerId], references: [users.id] }),
  members: many(teamMemberships),
  workspaces: many(workspaceTeams),
}));
