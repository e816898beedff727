"use server";
// Creating, renaming and deleting the selected organisation's teams.
import { parseForm, runOrgAction } from "../../../lib/organizations";
import { createTeam, deleteTeam, namedFieldsSchema, readNamedFields, updateTeam } from "../../../lib/teams";

const pagePath = "/settings/teams";

export async function createTeamAction(formData: FormData): Promise<void> {
  await runOrgAction(pagePath, async (token, orgId) => {
    const team = await createTeam(token, orgId, parseForm(namedFieldsSchema, readNamedFields(formData)));
    return `Team “${team.name}” created.`;
  });
}

export async function updateTeamAction(formData: FormData): Promise<void> {
  await runOrgAction(pagePath, async (token, orgId) => {
    const teamId = String(formData.get("teamId") ?? "");
    const team = await updateTeam(
      token,
      orgId,
      teamId,
      parseForm(namedFieldsSchema, readNamedFields(formData)),
    );
    return `Team renamed to “${team.name}”.`;
  });
}

export async function deleteTeamAction(formData: FormData): Promise<void> {
  await runOrgAction(pagePath, async (token, orgId) => {
    await deleteTeam(token, orgId, String(formData.get("teamId") ?? ""));
    return `Team “${String(formData.get("name") ?? "")}” deleted.`;
  });
}
