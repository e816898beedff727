// Roles of an organisation and what they grant: the API's list, custom role forms, and the roles × keys matrix.
import { z } from "zod";
import { callApi } from "./api-client";

const roleSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  roleName: z.string(),
  description: z.string().default(""),
  builtIn: z.boolean(),
  permissionKeys: z.array(z.string()),
});
export type Role = z.infer<typeof roleSchema>;

const roleListSchema = z.looseObject({ roles: z.array(roleSchema), permissionKeys: z.array(z.string()) });
export type RoleList = z.infer<typeof roleListSchema>;

const rolesPath = (orgId: string) => `/api/identity/orgs/${encodeURIComponent(orgId)}/roles`;

export function listRoles(token: string, orgId: string): Promise<RoleList> {
  return callApi(token, rolesPath(orgId), roleListSchema);
}

export type NewCustomRole = { key: string; roleName: string; description?: string; permissionKeys: string[] };

export function createCustomRole(token: string, orgId: string, role: NewCustomRole): Promise<Role> {
  return callApi(token, rolesPath(orgId), roleSchema, { method: "POST", body: role });
}

export async function deleteCustomRole(token: string, orgId: string, roleId: string): Promise<void> {
  await callApi(token, `${rolesPath(orgId)}/${encodeURIComponent(roleId)}`, z.unknown(), {
    method: "DELETE",
  });
}

/** The API's rule for custom role keys, checked here too so the form can say what is wrong before the call. */
export const roleKeyPattern = /^[a-z][a-z0-9_-]{1,39}$/;

export const customRoleFormSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(roleKeyPattern, "A role key is 2 to 40 lowercase letters, digits, - or _, starting with a letter"),
  roleName: z.string().trim().min(1, "Give the role a name").max(80, "Keep the name to 80 characters"),
  description: z.string().trim().max(500, "Keep the description to 500 characters"),
  permissionKeys: z.array(z.string().min(1).max(64)).min(1, "Tick at least one permission"),
});

export function readCustomRoleForm(formData: FormData): unknown {
  return {
    key: formData.get("key") ?? "",
    roleName: formData.get("roleName") ?? "",
    description: formData.get("description") ?? "",
    permissionKeys: formData.getAll("permissionKeys").map(String),
  };
}

/** Built-in roles in the order of the authority they carry, so the matrix reads left to right; custom ones follow. */
const builtInOrder = [
  "anonymous",
  "user",
  "team_admin",
  "workspace_admin",
  "org_billing_manager",
  "curator",
  "org_admin",
  "provider_admin",
];

export function rolesInMatrixOrder(roles: Role[]): Role[] {
  const rank = (role: Role) => {
    if (!role.builtIn) return builtInOrder.length;
    const index = builtInOrder.indexOf(role.key);
    return index === -1 ? builtInOrder.length - 0.5 : index;
  };
  return [...roles].sort((a, b) => rank(a) - rank(b) || a.roleName.localeCompare(b.roleName));
}

/** Permission keys grouped by what they act on ("members:read" → "members"), in the API's order. */
export type PermissionGroup = { resource: string; keys: string[] };

export function groupPermissionKeys(keys: readonly string[]): PermissionGroup[] {
  const groups: PermissionGroup[] = [];
  for (const key of keys) {
    const resource = key.includes(":") ? (key.split(":")[0] ?? key) : key;
    const group = groups.find((candidate) => candidate.resource === resource);
    if (group) group.keys.push(key);
    else groups.push({ resource, keys: [key] });
  }
  return groups;
}

/** The action half of a key, as a matrix row shows it under its group ("members:invite" → "invite"). */
export function permissionAction(key: string): string {
  const at = key.indexOf(":");
  return at === -1 ? key : key.slice(at + 1);
}
