// Catalog entries: a design frozen at one revision and published for anyone to browse, with usage counters.
import { relations } from "drizzle-orm";
import { foreignKey, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
