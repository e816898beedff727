// People who sign in: the Auth.js user row plus the profile fields Meshery's User carries.
import { relations } from "drizzle-orm";
import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { accounts } from "./accounts";
import { memberships } from "./memberships";
import { sessions } from "./sessions";

export const userStatuses = ["active", "inactive", "pending", "anonymous"] as const;

export const users = pgTable("users", {
  id: id(),
  // Auth.js reads these four by name.
  name: text(),
  email: text().notNull().unique(),
  emailVerified: timestamp({ withTimezone: true }),
  image: text(),
  firstName: text(),
  lastName: text(),
  status: text({ enum: userStatuses }).notNull().default("active"),
  lastLoginAt: timestamp({ withTimezone: true }),
  // Meshery's user preferences, synced by Meshery Server through `sync-prefs`.
  preferences: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  ...timestamps,
});

export const usersRelations = relations(users, ({ many }) => ({
  accounts: many(accounts),
  sessions: many(sessions),
  memberships: many(memberships),
}));
