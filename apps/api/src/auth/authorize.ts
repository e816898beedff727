// Route guards: who must be signed in, which organisation they act in, and which permission key they need.
import {
  customRolePermissionKeys,
  getOrganizationForMember,
  type MemberOrganization,
} from "@meshplane/db/queries";
import type { Context } from "hono";
import { type Actor, actorOf, type SignedInActor } from "../actor";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { effectiveKeys, type PermissionKey } from "./permissions";

export type OrgAccess = {
  actor: SignedInActor;
  userId: string;
  organization: MemberOrganization;
  keys: PermissionKey[];
};

export async function requireSignedIn(c: Context<AppEnv>): Promise<SignedInActor> {
  const actor: Actor = await actorOf(c);
  if (actor.type === "user" || actor.type === "apiToken") return actor;
  throw new ApiError({
    code: "UNAUTHORIZED",
    message: "Sign in, or send an API token as `Authorization: Bearer`",
  });
}

const notFound = (organizationId: string) =>
  new ApiError({ code: "NOT_FOUND", message: `No organization ${organizationId}` });

/**
 * The caller's access to an organisation. Not being a member answers 404, exactly like an organisation
 * that does not exist; a member lacking `permission` gets 403, which tells them nothing new.
 */
export async function requireOrgAccess(
  c: Context<AppEnv>,
  organizationId: string | undefined,
  permission?: PermissionKey,
): Promise<OrgAccess> {
  const actor = await requireSignedIn(c);
  const orgId = organizationId ?? (actor.type === "apiToken" ? actor.organizationId : undefined);
  if (!orgId) throw new ApiError({ code: "BAD_REQUEST", message: "orgId is required" });
  // An API token acts in the one organisation it was issued for.
  if (actor.type === "apiToken" && actor.organizationId !== orgId) throw notFound(orgId);
  const organization = await getOrganizationForMember(c.var.db, {
    organizationId: orgId,
    userId: actor.userId,
  });
  if (!organization) throw notFound(orgId);
  const keys = effectiveKeys({
    roleKeys: organization.roleKeys,
    customRoleKeys: await customRolePermissionKeys(c.var.db, {
      organizationId: orgId,
      roleKeys: organization.roleKeys,
    }),
    ...(actor.type === "apiToken" ? { scopes: actor.scopes } : {}),
  });
  if (permission && !keys.includes(permission)) {
    throw new ApiError({
      code: "FORBIDDEN",
      message: `Your role in this organization does not grant ${permission}`,
    });
  }
  return { actor, userId: actor.userId, organization, keys };
}
