// Organisations, the tenancy boundary: every tenant-owned row carries one's id.
import { relations, sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { memberships } from "./memberships";
import { teams } from "./teams";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    name: text().notNull(),
    description: text().notNull().default(""),
    // A personal organisation is created with each user and is never shared.
    personal: boolean().notNull().default(false),
    // Kept when the owner is deleted only if ownership was handed over first.
    ownerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    domain: text(),
    country: text(),
    region: text(),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [
    index().on(t.ownerId),
    uniqueIndex("organizations_one_personal_per_owner").on(t.ownerId).where(sql`${t.personal}`),
  ],
);

export const organizationsRelations = relations(organizations, ({ one, many }) => ({
  owner: one(users, { fields: [organizations.ownerId], references: [users.id] }),
  memberships: many(memberships),
  teams: many(teams),
  workspaces: many(workspaces),
}));
