// Designs (Meshery patterns): a named, versioned infrastructure graph owned by an organisation.
import { relations } from "drizzle-orm";
import { type AnyPgColumn, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { designRevisions } from "./design-revisions";
import { organizations } from "./organizations";
import { users } from "./users";
import { workspaceDesigns } from "./workspace-designs";
import { workspaces } from "./workspaces";

export const designVisibilities = ["private", "public", "published"] as const;
export type DesignVisibility = (typeof designVisibilities)[number];
export const designSourceTypes = ["Design", "Helm Chart", "Docker Compose", "Kubernetes Manifest"] as const;
export type DesignSourceType = (typeof designSourceTypes)[number];

export const designs = pgTable(
  "designs",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    // The workspace the design was created in; sharing into others goes through workspace_designs.
    workspaceId: uuid().references(() => workspaces.id, { onDelete: "set null" }),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    visibility: text({ enum: designVisibilities }).notNull().default("private"),
    sourceType: text({ enum: designSourceTypes }).notNull().default("Design"),
    currentRevisionId: uuid().references((): AnyPgColumn => designRevisions.id, { onDelete: "set null" }),
    // Bumped under the row lock when a revision is saved, so concurrent saves get distinct numbers.
    latestRevisionNumber: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index().on(t.organizationId, t.updatedAt),
    index().on(t.workspaceId),
    index().on(t.visibility),
    unique().on(t.id, t.organizationId),
  ],
);

export const designsRelations = relations(designs, ({ one, many }) => ({
  organization: one(organizations, { fields: [designs.organizationId], references: [organizations.id] }),
  workspace: one(workspaces, { fields: [designs.workspaceId], references: [workspaces.id] }),
  owner: one(users, { fields: [designs.ownerId], references: [users.id] }),
  currentRevision: one(designRevisions, {
    fields: [designs.currentRevisionId],
    references: [designRevisions.id],
    relationName: "currentRevision",
  }),
  revisions: many(designRevisions, { relationName: "revisions" }),
  workspaceLinks: many(workspaceDesigns),
}));
