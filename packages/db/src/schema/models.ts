// Registry models: versioned packages of component and relationship definitions (Meshery's model registry).
// A model without an organisation is the shared, curated registry everyone reads (the seeded Kubernetes model,
// curator imports); a model with one was discovered in that organisation's clusters and is only ever its own.
import { relations } from "drizzle-orm";
import { index, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { componentDefinitions } from "./component-definitions";
import { organizations } from "./organizations";
import { relationshipDefinitions } from "./relationship-definitions";

export const models = pgTable(
  "models",
  {
    id: id(),
    // Null: shared and curated. Set: discovered in this organisation's clusters (a CRD group).
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
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
  (t) => [
    // One shared model per (name, version), and one per organisation besides: nulls count as equal.
    unique().on(t.name, t.version, t.organizationId).nullsNotDistinct(),
    index().on(t.organizationId),
    index().on(t.category),
  ],
);

export const modelsRelations = relations(models, ({ one, many }) => ({
  organization: one(organizations, { fields: [models.organizationId], references: [organizations.id] }),
  components: many(componentDefinitions),
  relationships: many(relationshipDefinitions),
}));
