// Links between workspaces and environments (many-to-many), both ends bound to the same organisation by foreign keys.
import { relations } from "drizzle-orm";
import { foreignKey, index, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { environments } from "./environments";
import { organizations } from "./organizations";
import { workspaces } from "./workspaces";

export const workspaceEnvironments = pgTable(
  "workspace_environments",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workspaceId: uuid().notNull(),
    environmentId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.environmentId] }),
    index().on(t.environmentId),
    foreignKey({
      name: "workspace_environments_workspace_id_tenant_fk",
      columns: [t.workspaceId, t.organizationId],
      foreignColumns: [workspaces.id, workspaces.organizationId],
    }).onDelete("cascade"),
    foreignKey({
      name: "workspace_environments_environment_id_tenant_fk",
      columns: [t.environmentId, t.organizationId],
      foreignColumns: [environments.id, environments.organizationId],
    }).onDelete("cascade"),
  ],
);

export const workspaceEnvironmentsRelations = relations(workspaceEnvironments, ({ one }) => ({
  workspace: one(workspaces, { fields: [workspaceEnvironments.workspaceId], references: [workspaces.id] }),
  environment: one(environments, {
    fields: [workspaceEnvironments.environmentId],
    references: [environments.id],
  }),
}));
