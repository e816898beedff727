// What every design page and action starts from: the user's token, profile and the organisation they work in.
import { redirect } from "next/navigation";
import type { Organization, Profile } from "./identity";
import { selectedOrganization } from "./selected-org";
import { currentOrganizations, currentProfile, requireApiToken } from "./signed-in";

export type DesignsSession = {
  token: string;
  profile: Profile;
  organizations: Organization[];
  organization: Organization | undefined;
};

/** For pages: the header needs the profile; `returnTo` is where sign-in sends the user back. */
export async function designsSession(returnTo: string): Promise<DesignsSession> {
  const token = await requireApiToken(returnTo);
  const [profile, organizations] = await Promise.all([currentProfile(token), currentOrganizations(token)]);
  return { token, profile, organizations, organization: await selectedOrganization(organizations) };
}

/** For actions: the token and the organisation, or back to the designs list when there is none. */
export async function designsActionSession(returnTo: string): Promise<{ token: string; orgId: string }> {
  const token = await requireApiToken(returnTo);
  const organization = await selectedOrganization(await currentOrganizations(token));
  if (!organization) redirect("/designs");
  return { token, orgId: organization.id };
}
