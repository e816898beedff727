"use server";
// Creating and deleting the selected organisation's custom roles.
import { parseForm, runOrgAction } from "../../../lib/organizations";
import {
  createCustomRole,
  customRoleFormSchema,
  deleteCustomRole,
  readCustomRoleForm,
} from "../../../lib/roles";

const pagePath = "/settings/roles";

export async function createRoleAction(formData: FormData): Promise<void> {
  await runOrgAction(pagePath, async (token, orgId) => {
    const { description, ...fields } = parseForm(customRoleFormSchema, readCustomRoleForm(formData));
    const role = await createCustomRole(token, orgId, { ...fields, ...(description ? { description } : {}) });
    return `Role “${role.roleName}” created with ${role.permissionKeys.length} permissions.`;
  });
}

export async function deleteRoleAction(formData: FormData): Promise<void> {
  await runOrgAction(pagePath, async (token, orgId) => {
    await deleteCustomRole(token, orgId, String(formData.get("roleId") ?? ""));
    return `Role “${String(formData.get("roleName") ?? "")}” deleted.`;
  });
}
