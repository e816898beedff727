// Refresh tokens of provider sessions (Meshery Server logins): hashed, rotated on use, revoked by family.
import { relations } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { users } from "./users";

export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Every rotation of one login shares the family: reuse of a rotated token revokes all of it.
    familyId: uuid().notNull(),
    client: text({ enum: ["meshery"] }).notNull(),
    // Where the login was sent (the Meshery Server's origin), shown to the user on their sessions.
    clientOrigin: text().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    rotatedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.familyId), index().on(t.userId)],
);

export const refreshTokensRelations = relations(refreshTokens, ({ one }) => ({
  user: one(users, { fields: [refreshTokens.userId], references: [users.id] }),
}));
