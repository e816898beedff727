// Catalog entries: a design frozen at one revision and published for anyone to browse, with usage counters.
import { relations, sql } from "drizzle-orm";
import { customType, foreignKey, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { designRevisions } from "./design-revisions";
import { designs } from "./designs";
import { organizations } from "./organizations";

export const catalogClasses = [
  "official",
  "verified",
  "reference architecture",
  "project",
  "community",
] as const;

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const catalogEntries = pgTable(
  "catalog_entries",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    // One entry per design: republishing moves the frozen revision forward.
    designId: uuid().notNull().unique(),
    revisionId: uuid()
      .notNull()
      .references(() => designRevisions.id, { onDelete: "restrict" }),
    publishedVersion: text().notNull().default("v0.0.1"),
    // Meshery's catalog type (Deployment, Observability, ...) and technology (kubernetes, ...).
    type: text().notNull(),
    technology: text().notNull().default("kubernetes"),
    class: text({ enum: catalogClasses }).notNull().default("community"),
    caveats: text().notNull().default(""),
    info: text().notNull().default(""),
    // Copied from the frozen revision at publication, so browsing never reads designs or revisions.
    name: text().notNull().default(""),
    description: text().notNull().default(""),
    componentKinds: text().array().notNull().default([]),
    models: text().array().notNull().default([]),
    categories: text().array().notNull().default([]),
    componentCount: integer().notNull().default(0),
    // Names, description and component kinds as one text; the search vector is generated from it.
    searchText: text().notNull().default(""),
    searchVector: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', search_text)`),
    viewCount: integer().notNull().default(0),
    downloadCount: integer().notNull().default(0),
    cloneCount: integer().notNull().default(0),
    deploymentCount: integer().notNull().default(0),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    index().on(t.type),
    index().on(t.technology),
    index().on(t.publishedAt),
    index("catalog_entries_search_vector_idx").using("gin", t.searchVector),
    index("catalog_entries_component_kinds_idx").using("gin", t.componentKinds),
    foreignKey({
      name: "catalog_entries_design_id_tenant_fk",
      columns: [t.designId, t.organizationId],
      foreignColumns: [designs.id, designs.organizationId],
    }).onDelete("cascade"),
  ],
);

export const catalogEntriesRelations = relations(catalogEntries, ({ one }) => ({
  organization: one(organizations, {
    fields: [catalogEntries.organizationId],
    references: [organizations.id],
  }),
  design: one(designs, { fields: [catalogEntries.designId], references: [designs.id] }),
  revision: one(designRevisions, { fields: [catalogEntries.revisionId], references: [designRevisions.id] }),
}));
