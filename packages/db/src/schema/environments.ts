// Environments: named groups of connections (and their credentials) inside an organisation.
import { relations } from "drizzle-orm";
import { pgTable } from "drizzle-orm/pg-core";
import { namedTenantColumns, namedTenantConstraints } from "./_tenant-columns";
import { environmentConnections } from "./environment-connections";
import { organizations } from "./organizations";
import { users } from "./users";
import { workspaceEnvironments } from "./workspace-environments";

export const environments = pgTable("environments", namedTenantColumns(), (t) => namedTenantConstraints(t));

export const environmentsRelations = relations(environments, ({ one, many }) => ({
  organization: one(organizations, { fields: [environments.organizationId], references: [organizations.id] }),
  owner: one(users, { fields: [environments.ownerId], references: [users.id] }),
  connectionLinks: many(environmentConnections),
  workspaceLinks: many(workspaceEnvironments),
}));
