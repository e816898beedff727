// Wire shapes of identity resources, camelCase with Meshery's field names (User, Organization, pages).
import { z } from "@hono/zod-openapi";
import type { MemberOrganization, User } from "@meshplane/db/queries";

export const OrganizationBody = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    country: z.string(),
    region: z.string(),
    owner: z.uuid().nullable(),
    domain: z.string().nullable(),
    personal: z.boolean(),
    roleNames: z.array(z.string()),
    metadata: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Organization");

export function toOrganization(org: MemberOrganization): z.infer<typeof OrganizationBody> {
  return {
    id: org.id,
    name: org.name,
    description: org.description ?? "",
    country: "",
    region: "",
    owner: org.ownerId ?? null,
    domain: org.domain ?? null,
    personal: org.personal,
    roleNames: org.roleKeys,
    metadata: {},
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}

export const UserBody = z
  .object({
    id: z.uuid(),
    userId: z.string(),
    provider: z.string(),
    email: z.email(),
    firstName: z.string(),
    lastName: z.string(),
    avatarUrl: z.string(),
    status: z.string(),
    roleNames: z.array(z.string()),
    organizations: z.object({ organizationsWithRoles: z.array(OrganizationBody) }),
    preferences: z.record(z.string(), z.unknown()),
    lastLoginTime: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("User");

export function toUser(user: User, organizations: MemberOrganization[]): z.infer<typeof UserBody> {
  const [first = "", ...rest] = (user.name ?? "").split(" ");
  return {
    id: user.id,
    // Meshery Server keys its local user record by this string.
    userId: user.email,
    provider: "Meshplane",
    email: user.email,
    firstName: user.firstName ?? first,
    lastName: user.lastName ?? rest.join(" "),
    avatarUrl: user.image ?? "",
    status: user.status,
    roleNames: [...new Set(organizations.flatMap((org) => org.roleKeys))].sort(),
    organizations: { organizationsWithRoles: organizations.map(toOrganization) },
    preferences: user.preferences,
    lastLoginTime: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** Meshery's paging query: `page` counts from 0, `pagesize` up to 100. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(0).max(100_000).default(0),
  pagesize: z.coerce.number().int().min(1).max(100).default(25),
  search: z.string().max(200).optional(),
});
