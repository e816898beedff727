// Registry models: versioned packages of component and relationship definitions (Meshery's model registry), shared by all tenants.
import { relations } from "drizzle-orm";
import { index, jsonb, pgTable, text, unique } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { componentDefinitions } from "./component-definitions";
import { relationshipDefinitions } from "./relationship-definitions";

export const models = pgTable(
  "models",
  {
    id: id(),
    name: text().notNull(),
    version: text().notNull(),
    displayName: text().notNull(),
    category: text().notNull().default("Uncategorized"),
    subCategory: text().notNull().default(""),
    status: text({ enum: ["enabled", "ignored", "duplicate"] })
      .notNull()
      .default("enabled"),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [unique().on(t.name, t.version), index().on(t.category)],
);

export const modelsRelations = relations(models, ({ many }) => ({
  components: many(componentDefinitions),
  relationships: many(relationshipDefinitions),
}));
