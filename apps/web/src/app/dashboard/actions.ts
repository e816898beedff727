"use server";
// Switching the organisation the dashboard and the token page work in.
import { redirect } from "next/navigation";
import { safeReturnPath } from "../../lib/return-path";
import { rememberOrganization } from "../../lib/selected-org";
import { currentOrganizations, requireApiToken } from "../../lib/signed-in";

export async function switchOrganization(formData: FormData): Promise<void> {
  const returnTo = safeReturnPath(formData.get("returnTo"));
  const token = await requireApiToken(returnTo);
  const orgId = String(formData.get("orgId") ?? "");
  // Only an organisation the API lists for this user is remembered; others are ignored.
  if ((await currentOrganizations(token)).some((org) => org.id === orgId)) await rememberOrganization(orgId);
  redirect(returnTo);
}
