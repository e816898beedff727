// Immutable revisions of a design: numbered per design, with the content, its hash and the original import source.
import { relations } from "drizzle-orm";
import { foreignKey, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { id } from "./_columns";
import { designs } from "./designs";
import { organizations } from "./organizations";
import { users } from "./users";

export const designRevisions = pgTable(
  "design_revisions",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    designId: uuid().notNull(),
    number: integer().notNull(),
    content: jsonb().$type<Record<string, unknown>>().notNull(),
    // SHA-256 of the canonical content, so identical saves and catalog copies can be recognised.
    contentHash: text().notNull(),
    message: text().notNull().default(""),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    // The imported artifact as received (manifest, compose file...), kept for export and re-import.
    sourceContent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.designId, t.number),
    foreignKey({
      name: "design_revisions_design_id_tenant_fk",
      columns: [t.designId, t.organizationId],
      foreignColumns: [designs.id, designs.organizationId],
    }).onDelete("cascade"),
  ],
);

export const designRevisionsRelations = relations(designRevisions, ({ one }) => ({
  design: one(designs, {
    fields: [designRevisions.designId],
    references: [designs.id],
    relationName: "revisions",
  }),
  author: one(users, { fields: [designRevisions.authorId], references: [users.id] }),
}));
