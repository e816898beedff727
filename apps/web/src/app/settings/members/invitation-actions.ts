"use server";
// Inviting people into the selected organisation (the link is shown once) and revoking invitations.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import {
  createInvitation,
  invitationFormSchema,
  invitationLink,
  inviteeLabel,
  revokeInvitation,
} from "../../../lib/invitations";
import { attemptApiCall, runOrgAction } from "../../../lib/organizations";
import { selectedOrganization } from "../../../lib/selected-org";
import { currentOrganizations, requireApiToken } from "../../../lib/signed-in";
import { serverContext } from "../../../server-context";

const pagePath = "/settings/members";

export type InvitationFormState =
  | { status: "idle" }
  | { status: "created"; invitee: string; link: string }
  | { status: "error"; message: string };

export async function createInvitationAction(
  _previous: InvitationFormState,
  formData: FormData,
): Promise<InvitationFormState> {
  const token = await requireApiToken(pagePath);
  const form = invitationFormSchema.safeParse({
    invitee: formData.get("invitee") ?? "",
    role: formData.get("role") ?? "",
    teamId: formData.get("teamId") ?? "",
    expiresInDays: formData.get("expiresInDays") ?? "",
  });
  if (!form.success) return { status: "error", message: form.error.issues[0]?.message ?? "Check the form" };
  const organization = await selectedOrganization(await currentOrganizations(token));
  if (!organization) return { status: "error", message: "You belong to no organization to invite into." };
  let link = "";
  const outcome = await attemptApiCall(async () => {
    const { teamId, ...fields } = form.data;
    const created = await createInvitation(token, {
      orgId: organization.id,
      ...fields,
      ...(teamId ? { teamId } : {}),
    });
    link = invitationLink(await webOrigin(), created.code);
    return inviteeLabel(created.invitation);
  });
  if ("error" in outcome) return { status: "error", message: outcome.error };
  revalidatePath(pagePath);
  // The code lives only in this answer: the API keeps a hash, and the page never shows the link again.
  return { status: "created", invitee: outcome.notice, link };
}

export async function revokeInvitationAction(formData: FormData): Promise<void> {
  await runOrgAction(pagePath, async (token, orgId) => {
    await revokeInvitation(token, orgId, String(formData.get("invitationId") ?? ""));
    return "Invitation revoked: its link no longer works.";
  });
}

/** Where invitees reach this web app: AUTH_URL when configured, else the origin this request came to. */
async function webOrigin(): Promise<string> {
  const configured = serverContext().env.auth.url;
  if (configured) return configured;
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}`;
}
