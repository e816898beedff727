"use server";
// Accepting an invitation: the API adds the signed-in user, and the dashboard opens on the organisation joined.
import { redirect } from "next/navigation";
import { ApiError } from "../../../lib/api-client";
import { acceptInvitation, acceptPagePath } from "../../../lib/invitations";
import { refusalMessage } from "../../../lib/organizations";
import { rememberOrganization } from "../../../lib/selected-org";
import { requireApiToken } from "../../../lib/signed-in";

export async function acceptInvitationAction(formData: FormData): Promise<void> {
  const code = String(formData.get("code") ?? "");
  const here = acceptPagePath(code);
  const token = await requireApiToken(here);
  let failure: string | undefined;
  try {
    const invitation = await acceptInvitation(token, code);
    await rememberOrganization(invitation.orgId);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    failure = error.status === 404 ? "notFound" : refusalMessage(error);
  }
  redirect(failure ? `${here}&${new URLSearchParams({ error: failure })}` : "/dashboard");
}
