"use server";
// Changing members' roles and removing members of the selected organisation.
import { changeMemberRoles, readRoleChange, removeMember, roleChangeSchema } from "../../../lib/members";
import { parseForm, runOrgAction } from "../../../lib/organizations";

const pagePath = "/settings/members";

export async function changeRolesAction(formData: FormData): Promise<void> {
  await runOrgAction(pagePath, async (token, orgId) => {
    const { userId, roleNames } = parseForm(roleChangeSchema, readRoleChange(formData));
    const granted = await changeMemberRoles(token, orgId, userId, roleNames);
    return `Roles changed to ${granted.join(", ")}.`;
  });
}

export async function removeMemberAction(formData: FormData): Promise<void> {
  await runOrgAction(pagePath, async (token, orgId) => {
    const userId = String(formData.get("userId") ?? "");
    await removeMember(token, orgId, userId);
    return `Removed ${String(formData.get("email") ?? "the member")} from the organization.`;
  });
}
