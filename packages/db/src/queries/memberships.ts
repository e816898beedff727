// Memberships: adding people to an organisation, listing them, and changing their role keys.
import { and, arrayOverlaps, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { memberships } from "../schema/memberships";
import { organizations } from "../schema/organizations";
import { roles } from "../schema/roles";
import { users } from "../schema/users";
import type { Db } from "../types";
import { DomainError, returnedRow } from "./transactions";

export type Membership = typeof memberships.$inferSelect;
export type Member = Membership & { email: string; name: string | null };

/** Refuses role keys that are neither built-in nor custom roles of this organisation. */
async function assertRoleKeys(db: Db, organizationId: string, roleKeys: string[]): Promise<void> {
  if (roleKeys.length === 0) throw new DomainError("invalid_argument", "a member needs at least one role");
  const known = await db
    .select({ key: roles.key })
    .from(roles)
    .where(
      and(
        inArray(roles.key, roleKeys),
        or(isNull(roles.organizationId), eq(roles.organizationId, organizationId)),
      ),
    );
  const unknown = roleKeys.filter((key) => !known.some((role) => role.key === key));
  if (unknown.length > 0) throw new DomainError("invalid_argument", `unknown roles: ${unknown.join(", ")}`);
}

/** Adds the user to the organisation; adding an existing member leaves their roles as they are. */
export async function addMembership(
  db: Db,
  params: { organizationId: string; userId: string; roleKeys?: string[] },
): Promise<Membership> {
  const roleKeys = params.roleKeys ?? ["user"];
  await assertRoleKeys(db, params.organizationId, roleKeys);
  const [inserted] = await db
    .insert(memberships)
    .values({ ...params, roleKeys })
    .onConflictDoNothing({ target: [memberships.organizationId, memberships.userId] })
    .returning();
  if (inserted) return inserted;
  const [existing] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, params.organizationId), eq(memberships.userId, params.userId)));
  return returnedRow(existing ? [existing] : [], "select from memberships");
}

export async function listMemberships(db: Db, params: { organizationId: string }): Promise<Member[]> {
  const rows = await db
    .select({ membership: memberships, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, params.organizationId))
    .orderBy(asc(users.email));
  return rows.map((row) => ({ ...row.membership, email: row.email, name: row.name }));
}

/** Replaces the member's role keys. The owner always keeps org_admin, so an organisation can't lock itself out. */
export async function changeMembershipRoles(
  db: Db,
  params: { organizationId: string; userId: string; roleKeys: string[] },
): Promise<Membership | undefined> {
  await assertRoleKeys(db, params.organizationId, params.roleKeys);
  const [organization] = await db
    .select({ ownerId: organizations.ownerId })
    .from(organizations)
    .where(eq(organizations.id, params.organizationId));
  if (organization?.ownerId === params.userId && !params.roleKeys.includes("org_admin")) {
    throw new DomainError("conflict", "the owner of an organisation keeps the org_admin role");
  }
  const [row] = await db
    .update(memberships)
    .set({ roleKeys: params.roleKeys })
    .where(and(eq(memberships.organizationId, params.organizationId), eq(memberships.userId, params.userId)))
    .returning();
  return row;
}

/** Removes a member (not the owner). Returns whether a membership of this organisation was removed. */
export async function removeMembership(
  db: Db,
  params: { organizationId: string; userId: string },
): Promise<boolean> {
  const [organization] = await db
    .select({ ownerId: organizations.ownerId })
    .from(organizations)
    .where(eq(organizations.id, params.organizationId));
  if (organization?.ownerId === params.userId) {
    throw new DomainError("conflict", "the owner of an organisation cannot leave it");
  }
  const removed = await db
    .delete(memberships)
    .where(and(eq(memberships.organizationId, params.organizationId), eq(memberships.userId, params.userId)))
    .returning({ id: memberships.id });
  return removed.length > 0;
}

/** Whether the user holds any of `roleKeys` in any organisation: provider-wide roles (curator) are read this way. */
export async function userHoldsAnyRole(
  db: Db,
  params: { userId: string; roleKeys: string[] },
): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, params.userId), arrayOverlaps(memberships.roleKeys, params.roleKeys)))
    .limit(1);
  return Boolean(row);
}
