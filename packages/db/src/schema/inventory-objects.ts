// A cluster's inventory as its agent reports it: one row per Kubernetes object (by uid) per connection.
import { relations } from "drizzle-orm";
import { bigint, foreignKey, index, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { connections } from "./connections";
import { organizations } from "./organizations";

export const inventoryObjects = pgTable(
  "inventory_objects",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    connectionId: uuid().notNull(),
    uid: text().notNull(),
    // The group alone, so a relist of a kind covers every apiVersion the agent ever reported it at.
    apiGroup: text().notNull(),
    apiVersion: text().notNull(),
    kind: text().notNull(),
    namespace: text().notNull().default(""),
    name: text().notNull(),
    labels: jsonb().$type<Record<string, string>>().notNull().default({}),
    // Stripped by the agent: no managedFields, no last-applied annotation, Secret keys without values.
    object: jsonb().$type<Record<string, unknown>>().notNull(),
    resourceVersion: text().notNull(),
    // The agent's snapshot generation of the list that last reported the object.
    generation: bigint({ mode: "number" }).notNull(),
    ...timestamps,
  },
  (t) => [
    unique().on(t.connectionId, t.uid),
    index().on(t.organizationId, t.connectionId, t.kind, t.namespace, t.name),
    index().on(t.connectionId, t.apiGroup, t.kind, t.generation),
    foreignKey({
      name: "inventory_objects_connection_tenant_fk",
      columns: [t.connectionId, t.organizationId],
      foreignColumns: [connections.id, connections.organizationId],
    }).onDelete("cascade"),
  ],
);

export const inventoryObjectsRelations = relations(inventoryObjects, ({ one }) => ({
  organization: one(organizations, {
    fields: [inventoryObjects.organizationId],
    references: [organizations.id],
  }),
  connection: one(connections, {
    fields: [inventoryObjects.connectionId],
    references: [connections.id],
  }),
}));
