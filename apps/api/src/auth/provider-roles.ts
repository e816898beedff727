// Provider-wide roles: curators review the public catalog, provider admins run the instance. Only provider admins grant them.
import { userHoldsAnyRole } from "@meshplane/db/queries";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { requireSignedIn } from "./authorize";
import type { PermissionKey } from "./permissions";

export const providerRoles = ["curator", "provider_admin"] as const;
/** Keys that only provider roles carry: a custom role of an organisation must not include them. */
export const providerOnlyKeys: readonly PermissionKey[] = ["catalog:review"];

export async function requireCurator(c: Context<AppEnv>): Promise<{ userId: string }> {
  const actor = await requireSignedIn(c);
  if (!(await userHoldsAnyRole(c.var.db, { userId: actor.userId, roleKeys: [...providerRoles] }))) {
    throw new ApiError({ code: "FORBIDDEN", message: "Reviewing the catalog needs the Curator role" });
  }
  return { userId: actor.userId };
}

/** Refuses granting curator or provider_admin unless the caller is a provider admin. */
export async function assertMayGrant(
  c: Context<AppEnv>,
  userId: string,
  roleKeys: readonly string[],
): Promise<void> {
  if (!roleKeys.some((key) => (providerRoles as readonly string[]).includes(key))) return;
  if (!(await userHoldsAnyRole(c.var.db, { userId, roleKeys: ["provider_admin"] }))) {
    throw new ApiError({
      code: "FORBIDDEN",
      message: "Only a provider admin may grant the Curator or Provider Admin roles",
    });
  }
}
