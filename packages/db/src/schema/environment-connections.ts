// Links between environments and connections (many-to-many), both ends bound to the same organisation.
import { relations } from "drizzle-orm";
import { foreignKey, index, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { connections } from "./connections";
import { environments } from "./environments";
import { organizations } from "./organizations";

export const environmentConnections = pgTable(
  "environment_connections",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    environmentId: uuid().notNull(),
    connectionId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.environmentId, t.connectionId] }),
    index().on(t.connectionId),
    foreignKey({
      name: "environment_connections_environment_id_tenant_fk",
      columns: [t.environmentId, t.organizationId],
      foreignColumns: [environments.id, environments.organizationId],
    }).onDelete("cascade"),
    foreignKey({
      name: "environment_connections_connection_id_tenant_fk",
      columns: [t.connectionId, t.organizationId],
      foreignColumns: [connections.id, connections.organizationId],
    }).onDelete("cascade"),
  ],
);

export const environmentConnectionsRelations = relations(environmentConnections, ({ one }) => ({
  environment: one(environments, {
    fields: [environmentConnections.environmentId],
    references: [environments.id],
  }),
  connection: one(connections, {
    fields: [environmentConnections.connectionId],
    references: [connections.id],
  }),
}));
