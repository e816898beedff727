// Requests to publish a design revision to the catalog, and the curator's decision on them.
import { relations, sql } from "drizzle-orm";
import { foreignKey, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { designRevisions } from "./design-revisions";
import { designs } from "./designs";
import { organizations } from "./organizations";
import { users } from "./users";

export const publicationStatuses = ["pending", "approved", "denied", "withdrawn"] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];

export const publicationRequests = pgTable(
  "publication_requests",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    designId: uuid().notNull(),
    revisionId: uuid()
      .notNull()
      .references(() => designRevisions.id, { onDelete: "cascade" }),
    requestedById: uuid().references(() => users.id, { onDelete: "set null" }),
    // What the publish form collects: catalog type, technology, caveats and info.
    type: text().notNull(),
    technology: text().notNull().default("kubernetes"),
    caveats: text().notNull().default(""),
    info: text().notNull().default(""),
    status: text({ enum: publicationStatuses }).notNull().default("pending"),
    reason: text(),
    reviewerId: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: "publication_requests_design_id_tenant_fk",
      columns: [t.designId, t.organizationId],
      foreignColumns: [designs.id, designs.organizationId],
    }).onDelete("cascade"),
    index().on(t.status, t.createdAt),
    index().on(t.organizationId),
    // At most one open request per design, so reviewers never decide twice on the same thing.
    uniqueIndex("publication_requests_one_pending_per_design")
      .on(t.designId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export const publicationRequestsRelations = relations(publicationRequests, ({ one }) => ({
  organization: one(organizations, {
    fields: [publicationRequests.organizationId],
    references: [organizations.id],
  }),
  design: one(designs, { fields: [publicationRequests.designId], references: [designs.id] }),
  revision: one(designRevisions, {
    fields: [publicationRequests.revisionId],
    references: [designRevisions.id],
  }),
  requestedBy: one(users, { fields: [publicationRequests.requestedById], references: [users.id] }),
  reviewer: one(users, { fields: [publicationRequests.reviewerId], references: [users.id] }),
}));
