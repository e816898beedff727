// Users: created or refreshed at sign-in by email, read by id. Users are global; tenancy comes from memberships.
import { eq, sql } from "drizzle-orm";
import { users } from "../schema/users";
import type { Db } from "../types";
import { returnedRow } from "./transactions";

export type User = typeof users.$inferSelect;

export type UserProfile = {
  email: string;
  name?: string | null;
  image?: string | null;
  firstName?: string | null;
  lastName?: string | null;
};

/** Emails compare case-insensitively at sign-in, so they are stored lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates the user or refreshes the profile fields the identity provider sent; absent fields keep their value. */
export async function upsertUserByEmail(db: Db, profile: UserProfile): Promise<User> {
  const values = { ...profile, email: normalizeEmail(profile.email) };
  const rows = await db
    .insert(users)
    .values(values)
    .onConflictDoUpdate({
      target: users.email,
      set: {
        name: sql`coalesce(excluded.name, ${users.name})`,
        image: sql`coalesce(excluded.image, ${users.image})`,
        firstName: sql`coalesce(excluded.first_name, ${users.firstName})`,
        lastName: sql`coalesce(excluded.last_name, ${users.lastName})`,
        lastLoginAt: new Date(),
        updatedAt: new Date(),
      },
    })
    .returning();
  return returnedRow(rows, "upsert into users");
}

export async function getUser(db: Db, params: { id: string }): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, params.id));
  return row;
}

export async function getUserByEmail(db: Db, params: { email: string }): Promise<User | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(params.email)));
  return row;
}

/** Records a sign-in: the time the profile page and the audit log show. */
export async function recordUserSignIn(db: Db, params: { id: string; now?: Date }): Promise<void> {
  await db
    .update(users)
    .set({ lastLoginAt: params.now ?? new Date() })
    .where(eq(users.id, params.id));
}

/** Replaces the user's Meshery preferences (sync-prefs sends the whole document every time). */
export async function replaceUserPreferences(
  db: Db,
  params: { id: string; preferences: Record<string, unknown> },
): Promise<void> {
  await db.update(users).set({ preferences: params.preferences }).where(eq(users.id, params.id));
}
