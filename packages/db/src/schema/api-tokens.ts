// API tokens (mesheryctl, automation): only a SHA-256 hash and a display prefix are stored, never the token.
import { relations } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { organizations } from "./organizations";
import { users } from "./users";

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    tokenHash: text().notNull().unique(),
    prefix: text().notNull(),
    scopes: text().array().notNull().default([]),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.organizationId, t.userId)],
);

export const apiTokensRelations = relations(apiTokens, ({ one }) => ({
  organization: one(organizations, { fields: [apiTokens.organizationId], references: [organizations.id] }),
  user: one(users, { fields: [apiTokens.userId], references: [users.id] }),
}));
