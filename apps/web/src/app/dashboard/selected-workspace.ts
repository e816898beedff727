// The workspace the user works in within the selected organisation: kept in a cookie, checked against the list.
import { cookies } from "next/headers";
import { z } from "zod";
import { callApi } from "../../lib/api-client";
import type { Workspace } from "../../lib/workspaces";

export const selectedWorkspaceCookie = "meshplane-workspace";

/** The wanted workspace if the organisation still has it, else its first one; ids are unique across organisations. */
export function pickWorkspace<T extends { id: string }>(
  workspaces: T[],
  wantedId: string | undefined,
): T | undefined {
  return workspaces.find((workspace) => workspace.id === wantedId) ?? workspaces[0];
}

export async function selectedWorkspace(workspaces: Workspace[]): Promise<Workspace | undefined> {
  return pickWorkspace(workspaces, (await cookies()).get(selectedWorkspaceCookie)?.value);
}

export async function rememberWorkspace(workspaceId: string): Promise<void> {
  (await cookies()).set(selectedWorkspaceCookie, workspaceId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
}

export const newWorkspaceSchema = z.object({
  name: z.string().trim().min(1, "Give the workspace a name").max(120, "Keep the name to 120 characters"),
});

export function createWorkspace(token: string, orgId: string, name: string): Promise<Workspace> {
  return callApi(
    token,
    "/api/workspaces",
    z.looseObject({ id: z.string(), name: z.string(), description: z.string().nullish() }),
    { method: "POST", body: { organizationId: orgId, name } },
  );
}
