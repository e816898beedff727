// What every performance page and action starts from: the user's token, profile and selected organisation.
import { redirect } from "next/navigation";
import { type DesignsSession, designsSession } from "./designs-session";
import { selectedOrganization } from "./selected-org";
import { currentOrganizations, requireApiToken } from "./signed-in";

export type PerformanceSession = DesignsSession;

/** For pages: `returnTo` is where sign-in sends the user back. */
export function performanceSession(returnTo: string): Promise<PerformanceSession> {
  return designsSession(returnTo);
}

/** For actions: the token and the organisation, or back to the performance page when there is none. */
export async function performanceActionSession(returnTo: string): Promise<{ token: string; orgId: string }> {
  const token = await requireApiToken(returnTo);
  const organization = await selectedOrganization(await currentOrganizations(token));
  if (!organization) redirect("/performance");
  return { token, orgId: organization.id };
}

/** A path with a message for the page to show, as the other pages' actions pass them back. */
export function withMessage(path: string, kind: "error" | "notice", message: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}${kind}=${encodeURIComponent(message)}`;
}
