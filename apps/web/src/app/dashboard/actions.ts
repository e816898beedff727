"use server";
// Switching and creating the organisation and workspace the signed-in pages work in.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ApiError } from "../../lib/api-client";
import {
  createOrganization,
  newOrganizationSchema,
  outcomePath,
  refusalMessage,
} from "../../lib/organizations";
import { safeReturnPath } from "../../lib/return-path";
import { rememberOrganization, selectedOrganization } from "../../lib/selected-org";
import { currentOrganizations, requireApiToken } from "../../lib/signed-in";
import { listWorkspaces } from "../../lib/workspaces";
import { createWorkspace, newWorkspaceSchema, rememberWorkspace } from "./selected-workspace";

export async function switchOrganization(formData: FormData): Promise<void> {
  const returnTo = safeReturnPath(formData.get("returnTo"));
  const token = await requireApiToken(returnTo);
  const orgId = String(formData.get("orgId") ?? "");
  // Only an organisation the API lists for this user is remembered; others are ignored.
  if ((await currentOrganizations(token)).some((org) => org.id === orgId)) await rememberOrganization(orgId);
  redirect(returnTo);
}

/** Creates a team organisation (the caller becomes its Org Admin) and switches to it. */
export async function createOrganizationAction(formData: FormData): Promise<void> {
  const returnTo = safeReturnPath(formData.get("returnTo"));
  const token = await requireApiToken(returnTo);
  const form = newOrganizationSchema.safeParse({ name: formData.get("name") ?? "" });
  if (!form.success)
    redirect(outcomePath(returnTo, { error: form.error.issues[0]?.message ?? "Check the name" }));
  let failure: string | undefined;
  try {
    const created = await createOrganization(token, form.data.name);
    await rememberOrganization(created.id);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    failure = refusalMessage(error);
  }
  revalidatePath(returnTo);
  redirect(failure ? outcomePath(returnTo, { error: failure }) : returnTo);
}

export async function switchWorkspace(formData: FormData): Promise<void> {
  const token = await requireApiToken("/dashboard");
  const organization = await selectedOrganization(await currentOrganizations(token));
  const workspaceId = String(formData.get("workspaceId") ?? "");
  if (organization) {
    const { workspaces } = await listWorkspaces(token, organization.id);
    if (workspaces.some((workspace) => workspace.id === workspaceId)) await rememberWorkspace(workspaceId);
  }
  redirect("/dashboard");
}

export async function createWorkspaceAction(formData: FormData): Promise<void> {
  const token = await requireApiToken("/dashboard");
  const organization = await selectedOrganization(await currentOrganizations(token));
  const form = newWorkspaceSchema.safeParse({ name: formData.get("name") ?? "" });
  if (!form.success)
    redirect(outcomePath("/dashboard", { error: form.error.issues[0]?.message ?? "Check the name" }));
  if (!organization) redirect(outcomePath("/dashboard", { error: "You belong to no organization yet." }));
  let failure: string | undefined;
  try {
    const created = await createWorkspace(token, organization.id, form.data.name);
    await rememberWorkspace(created.id);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    failure = refusalMessage(error);
  }
  revalidatePath("/dashboard");
  redirect(failure ? outcomePath("/dashboard", { error: failure }) : "/dashboard");
}
