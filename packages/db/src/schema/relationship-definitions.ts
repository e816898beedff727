// Relationship definitions of a registry model (edge, hierarchical...), with the selectors the engine evaluates.
import { relations } from "drizzle-orm";
import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { models } from "./models";

export const relationshipDefinitions = pgTable(
  "relationship_definitions",
  {
    id: id(),
    modelId: uuid()
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    type: text().notNull(),
    subType: text().notNull(),
    status: text({ enum: ["enabled", "ignored", "deleted"] })
      .notNull()
      .default("enabled"),
    // Meshery's selector sets: [{ allow: { from, to }, deny: { from, to } }].
    selectors: jsonb().$type<unknown[]>().notNull().default([]),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [index().on(t.modelId), index().on(t.kind, t.type, t.subType)],
);

export const relationshipDefinitionsRelations = relations(relationshipDefinitions, ({ one }) => ({
  model: one(models, { fields: [relationshipDefinitions.modelId], references: [models.id] }),
}));
