// The organisation the user is working in: kept in a cookie, checked against what the API lists.
import { cookies } from "next/headers";
import type { Organization } from "./identity";

export const selectedOrgCookie = "meshplane-org";

/** The cookie's organisation if the user still belongs to it, else the first one (the personal org). */
export async function selectedOrganization(organizations: Organization[]): Promise<Organization | undefined> {
  const wanted = (await cookies()).get(selectedOrgCookie)?.value;
  return organizations.find((org) => org.id === wanted) ?? organizations[0];
}

export async function rememberOrganization(orgId: string): Promise<void> {
  (await cookies()).set(selectedOrgCookie, orgId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
}
