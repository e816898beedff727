// Component definitions of a registry model: one Kubernetes (or other) kind at one apiVersion, with its JSON schema.
import { relations } from "drizzle-orm";
import { index, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { models } from "./models";

export const componentDefinitions = pgTable(
  "component_definitions",
  {
    id: id(),
    modelId: uuid()
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    apiVersion: text().notNull(),
    displayName: text().notNull(),
    schema: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [unique().on(t.modelId, t.apiVersion, t.kind), index().on(t.kind)],
);

export const componentDefinitionsRelations = relations(componentDefinitions, ({ one }) => ({
  model: one(models, { fields: [componentDefinitions.modelId], references: [models.id] }),
}));
