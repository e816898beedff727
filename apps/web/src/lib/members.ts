// The organisation's members as the members page shows and changes them: roles, removal, the owner's place.
import { z } from "zod";
import { callApi } from "./api-client";

const memberSchema = z.looseObject({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullish(),
  roleNames: z.array(z.string()),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

const membersPath = (orgId: string) => `/api/identity/orgs/${encodeURIComponent(orgId)}/users`;
const memberPath = (orgId: string, userId: string) => `${membersPath(orgId)}/${encodeURIComponent(userId)}`;

export async function listMembers(token: string, orgId: string): Promise<Member[]> {
  const body = await callApi(token, membersPath(orgId), z.looseObject({ members: z.array(memberSchema) }));
  return body.members;
}

export async function changeMemberRoles(
  token: string,
  orgId: string,
  userId: string,
  roleNames: string[],
): Promise<string[]> {
  const body = await callApi(
    token,
    memberPath(orgId, userId),
    z.looseObject({ roleNames: z.array(z.string()) }),
    { method: "PUT", body: { roleNames } },
  );
  return body.roleNames;
}

export async function removeMember(token: string, orgId: string, userId: string): Promise<void> {
  await callApi(token, memberPath(orgId, userId), z.unknown(), { method: "DELETE" });
}

/** The role change form: which member, and the role keys ticked (the API allows 1 to 20). */
export const roleChangeSchema = z.object({
  userId: z.uuid("Pick a member"),
  roleNames: z
    .array(z.string().min(1).max(60))
    .min(1, "A member needs at least one role")
    .max(20, "Pick at most 20 roles"),
});

export function readRoleChange(formData: FormData): unknown {
  return { userId: formData.get("userId") ?? "", roleNames: formData.getAll("roleNames").map(String) };
}

export function memberLabel(member: Pick<Member, "email" | "name">): string {
  return member.name ? `${member.name} <${member.email}>` : member.email;
}

/** Members sorted for reading: the signed-in user first, then by email. */
export function membersForDisplay<T extends Pick<Member, "userId" | "email">>(
  members: T[],
  selfId: string,
): T[] {
  return [...members].sort((a, b) => {
    if (a.userId === selfId) return -1;
    if (b.userId === selfId) return 1;
    return a.email.localeCompare(b.email);
  });
}
