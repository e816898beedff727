// Organisations: created with their owner's membership, read only through a membership of the caller.
import { and, asc, desc, eq } from "drizzle-orm";
import { memberships } from "../schema/memberships";
import { organizations } from "../schema/organizations";
import type { Db } from "../types";
import { returnedRow, withTransaction } from "./transactions";

export type Organization = typeof organizations.$inferSelect;
export type MemberOrganization = Organization & { roleKeys: string[] };

export type NewOrganization = {
  name: string;
  ownerId: string;
  personal?: boolean;
  description?: string;
  domain?: string | null;
  metadata?: Record<string, unknown>;
};

/** Creates the organisation and makes its owner an org admin, atomically: no organisation is ever ownerless. */
export function createOrganization(db: Db, params: NewOrganization): Promise<MemberOrganization> {
  return withTransaction(db, async (tx) => {
    const organization = returnedRow(
      await tx.insert(organizations).values(params).returning(),
      "insert into organizations",
    );
    const membership = returnedRow(
      await tx
        .insert(memberships)
        .values({ organizationId: organization.id, userId: params.ownerId, roleKeys: ["org_admin"] })
        .returning(),
      "insert into memberships",
    );
    return { ...organization, roleKeys: membership.roleKeys };
  });
}

/** The user's personal organisation, created on first call (sign-in runs it every time). */
export async function ensurePersonalOrganization(
  db: Db,
  params: { userId: string; name: string },
): Promise<MemberOrganization> {
  const [existing] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.ownerId, params.userId), eq(organizations.personal, true)));
  if (existing) {
    const found = await getOrganizationForMember(db, { organizationId: existing.id, userId: params.userId });
    if (found) return found;
  }
  return createOrganization(db, { name: params.name, ownerId: params.userId, personal: true });
}

/** The organisation if the user is a member of it; otherwise nothing, exactly as if it did not exist. */
export async function getOrganizationForMember(
  db: Db,
  params: { organizationId: string; userId: string },
): Promise<MemberOrganization | undefined> {
  const [row] = await db
    .select({ organization: organizations, roleKeys: memberships.roleKeys })
    .from(organizations)
    .innerJoin(memberships, eq(memberships.organizationId, organizations.id))
    .where(and(eq(organizations.id, params.organizationId), eq(memberships.userId, params.userId)));
  return row && { ...row.organization, roleKeys: row.roleKeys };
}

/** Organisations the user belongs to, personal first, then by name. */
export async function listOrganizationsForUser(
  db: Db,
  params: { userId: string },
): Promise<MemberOrganization[]> {
  const rows = await db
    .select({ organization: organizations, roleKeys: memberships.roleKeys })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, params.userId))
    .orderBy(desc(organizations.personal), asc(organizations.name));
  return rows.map((row) => ({ ...row.organization, roleKeys: row.roleKeys }));
}
