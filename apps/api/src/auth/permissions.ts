// Permission keys and what Meshery's built-in roles grant; custom roles grant any subset of the same keys.
import type { BuiltInRoleKey } from "@meshplane/db/schema";

export const permissionKeys = [
  "org:read",
  "org:update",
  "members:read",
  "members:invite",
  "members:manage",
  "teams:read",
  "teams:manage",
  "roles:read",
  "roles:manage",
  "workspaces:read",
  "workspaces:manage",
  "environments:read",
  "environments:manage",
  "connections:read",
  "connections:manage",
  "credentials:read",
  "credentials:manage",
  "designs:read",
  "designs:write",
  "designs:deploy",
  "catalog:publish",
  "catalog:review",
  "tokens:manage-own",
  "events:read",
  "performance:read",
  "performance:run",
  "performance:manage",
] as const;
export type PermissionKey = (typeof permissionKeys)[number];

const member: PermissionKey[] = [
  "org:read",
  "members:read",
  "teams:read",
  "roles:read",
  "workspaces:read",
  "environments:read",
  "connections:read",
  "credentials:read",
  "designs:read",
  "designs:write",
  "catalog:publish",
  "tokens:manage-own",
  "events:read",
  "performance:read",
  "performance:run",
];
const operator: PermissionKey[] = [
  "workspaces:manage",
  "environments:manage",
  "connections:manage",
  "credentials:manage",
  "designs:deploy",
  "performance:manage",
];
const orgAdmin = permissionKeys.filter((key) => key !== "catalog:review");

/** Follows the role matrix of Meshery's permissions.csv at the granularity of our keys. */
export const builtInRolePermissions: Record<BuiltInRoleKey, readonly PermissionKey[]> = {
  anonymous: [],
  user: member,
  team_admin: [...member, "teams:manage"],
  workspace_admin: [...member, ...operator],
  org_billing_manager: [...member, "members:invite"],
  org_admin: orgAdmin,
  provider_admin: permissionKeys,
  curator: [...member, "catalog:review"],
};

export function isPermissionKey(key: string): key is PermissionKey {
  return (permissionKeys as readonly string[]).includes(key);
}

/** Union of what the roles grant, optionally narrowed by a token's scopes (an empty scope list narrows nothing). */
export function effectiveKeys(params: {
  roleKeys: readonly string[];
  customRoleKeys: readonly string[];
  scopes?: readonly string[];
}): PermissionKey[] {
  const granted = new Set<PermissionKey>();
  for (const role of params.roleKeys) {
    for (const key of builtInRolePermissions[role as BuiltInRoleKey] ?? []) granted.add(key);
  }
  for (const key of params.customRoleKeys) if (isPermissionKey(key)) granted.add(key);
  const scopes = params.scopes && params.scopes.length > 0 ? new Set(params.scopes) : undefined;
  return permissionKeys.filter((key) => granted.has(key) && (!scopes || scopes.has(key)));
}
