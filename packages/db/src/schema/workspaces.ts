// Workspaces: collaboration spaces inside an organisation, linked to teams, environments and designs.
import { relations } from "drizzle-orm";
import { pgTable } from "drizzle-orm/pg-core";
import { namedTenantColumns, namedTenantConstraints } from "./_tenant-columns";
import { designs } from "./designs";
import { organizations } from "./organizations";
import { users } from "./users";
import { workspaceDesigns } from "./workspace-designs";
import { workspaceEnvironments } from "./workspace-environments";
import { workspaceTeams } from "./workspace-teams";

export const workspaces = pgTable("workspaces", namedTenantColumns(), (t) => namedTenantConstraints(t));

export const workspacesRelations = relations(workspaces, ({ one, many }) => ({
  organization: one(organizations, { fields: [workspaces.organizationId], references: [organizations.id] }),
  owner: one(users, { fields: [workspaces.ownerId], references: [users.id] }),
  designs: many(designs),
  teamLinks: many(workspaceTeams),
  environmentLinks: many(workspaceEnvironments),
  designLinks: many(workspaceDesigns),
}));
