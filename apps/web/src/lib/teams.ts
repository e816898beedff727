// The organisation's teams: listing, creating, renaming and deleting them through /api/identity/teams.
import { z } from "zod";
import { callApi } from "./api-client";

const teamSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().default(""),
  createdAt: z.string(),
});
export type Team = z.infer<typeof teamSchema>;

const teamsPath = "/api/identity/teams";

export async function listTeams(token: string, orgId: string): Promise<Team[]> {
  const page = await callApi(token, teamsPath, z.looseObject({ teams: z.array(teamSchema) }), {
    query: { orgId, page: "0", pagesize: "100" },
  });
  return page.teams;
}

export function createTeam(token: string, orgId: string, fields: NamedFields): Promise<Team> {
  return callApi(token, teamsPath, teamSchema, {
    method: "POST",
    body: { organizationId: orgId, ...fields },
  });
}

export function updateTeam(token: string, orgId: string, teamId: string, fields: NamedFields): Promise<Team> {
  return callApi(token, `${teamsPath}/${encodeURIComponent(teamId)}`, teamSchema, {
    method: "PUT",
    query: { orgId },
    body: fields,
  });
}

export async function deleteTeam(token: string, orgId: string, teamId: string): Promise<void> {
  await callApi(token, `${teamsPath}/${encodeURIComponent(teamId)}`, z.unknown(), {
    method: "DELETE",
    query: { orgId },
  });
}

/** Teams and environments are both a name and a description; their forms read the same two fields. */
export type NamedFields = { name: string; description: string };

export const namedFieldsSchema = z.object({
  name: z.string().trim().min(1, "Give it a name").max(120, "Keep the name to 120 characters"),
  description: z.string().trim().max(2000, "Keep the description to 2,000 characters"),
});

export function readNamedFields(formData: FormData): unknown {
  return { name: formData.get("name") ?? "", description: formData.get("description") ?? "" };
}
