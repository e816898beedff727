// Roles: Meshery's built-in ones (no organisation) and custom ones per organisation, each a set of permission keys.
import { relations } from "drizzle-orm";
import { boolean, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { organizations } from "./organizations";

/** Keys of Meshery's built-in roles, as memberships store them; seeded by a migration. */
export const builtInRoleKeys = [
  "anonymous",
  "user",
  "team_admin",
  "workspace_admin",
  "org_billing_manager",
  "org_admin",
  "provider_admin",
  "curator",
] as const;
export type BuiltInRoleKey = (typeof builtInRoleKeys)[number];

export const roles = pgTable(
  "roles",
  {
    id: id(),
    // Null for built-in roles, which every organisation shares.
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    key: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    builtIn: boolean().notNull().default(false),
    permissionKeys: text().array().notNull().default([]),
    ...timestamps,
  },
  // Nulls not distinct, so a built-in key exists once; custom keys are unique per organisation.
  (t) => [unique().on(t.organizationId, t.key).nullsNotDistinct()],
);

export const rolesRelations = relations(roles, ({ one }) => ({
  organization: one(organizations, { fields: [roles.organizationId], references: [organizations.id] }),
}));
