// Links between workspaces and designs (many-to-many), both ends bound to the same organisation by foreign keys.
import { relations } from "drizzle-orm";
import { foreignKey, index, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { designs } from "./designs";
import { organizations } from "./organizations";
import { workspaces } from "./workspaces";

export const workspaceDesigns = pgTable(
  "workspace_designs",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workspaceId: uuid().notNull(),
    designId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.designId] }),
    index().on(t.designId),
    foreignKey({
      name: "workspace_designs_workspace_id_tenant_fk",
      columns: [t.workspaceId, t.organizationId],
      foreignColumns: [workspaces.id, workspaces.organizationId],
    }).onDelete("cascade"),
    foreignKey({
      name: "workspace_designs_design_id_tenant_fk",
      columns: [t.designId, t.organizationId],
      foreignColumns: [designs.id, designs.organizationId],
    }).onDelete("cascade"),
  ],
);

export const workspaceDesignsRelations = relations(workspaceDesigns, ({ one }) => ({
  workspace: one(workspaces, { fields: [workspaceDesigns.workspaceId], references: [workspaces.id] }),
  design: one(designs, { fields: [workspaceDesigns.designId], references: [designs.id] }),
}));
