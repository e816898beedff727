// Roles of an organisation: the built-in ones every organisation shares and its own custom roles.
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { roles } from "../schema/roles";
import type { Db } from "../types";
import { conflictOnDuplicate, returnedRow } from "./transactions";

export type Role = typeof roles.$inferSelect;

/** Built-in roles first, then the organisation's custom roles, by name. */
export function listRoles(db: Db, params: { organizationId: string }): Promise<Role[]> {
  return db
    .select()
    .from(roles)
    .where(or(isNull(roles.organizationId), eq(roles.organizationId, params.organizationId)))
    .orderBy(asc(roles.organizationId), asc(roles.name));
}

export function createCustomRole(
  db: Db,
  params: {
    organizationId: string;
    key: string;
    name: string;
    description?: string;
    permissionKeys: string[];
  },
): Promise<Role> {
  return conflictOnDuplicate(
    db
      .insert(roles)
      .values({ ...params, builtIn: false })
      .returning()
      .then((rows) => returnedRow(rows, "insert into roles")),
    `a role with key "${params.key}" already exists`,
  );
}

export async function deleteCustomRole(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<boolean> {
  const rows = await db
    .delete(roles)
    .where(
      and(eq(roles.organizationId, params.organizationId), eq(roles.id, params.id), eq(roles.builtIn, false)),
    )
    .returning({ id: roles.id });
  return rows.length > 0;
}

/** Permission keys granted by the organisation's custom roles among `roleKeys`. */
export async function customRolePermissionKeys(
  db: Db,
  params: { organizationId: string; roleKeys: string[] },
): Promise<string[]> {
  if (params.roleKeys.length === 0) return [];
  const rows = await db
    .select({ permissionKeys: roles.permissionKeys })
    .from(roles)
    .where(and(eq(roles.organizationId, params.organizationId), inArray(roles.key, params.roleKeys)));
  return rows.flatMap((row) => row.permissionKeys);
}
