// The identity resources the web shows: the user's profile, organisations, permission keys and API tokens.
import { z } from "zod";
import { callApi } from "./api-client";

const profileSchema = z.looseObject({
  id: z.string(),
  email: z.string(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  avatarUrl: z.string().nullish(),
});
export type Profile = z.infer<typeof profileSchema>;

const organizationSchema = z.looseObject({ id: z.string(), name: z.string() });
export type Organization = z.infer<typeof organizationSchema>;
const organizationPageSchema = z.looseObject({ organizations: z.array(organizationSchema) });

const apiTokenSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()).default([]),
  expiresAt: z.string().nullish(),
  revokedAt: z.string().nullish(),
  lastUsedAt: z.string().nullish(),
  createdAt: z.string(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

const createdTokenSchema = z.looseObject({ token: z.string(), apiToken: apiTokenSchema });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export function fetchProfile(token: string): Promise<Profile> {
  return callApi(token, "/api/identity/users/profile", profileSchema);
}

export async function listOrganizations(token: string): Promise<Organization[]> {
  const page = await callApi(token, "/api/identity/orgs", organizationPageSchema, {
    query: { page: "0", pagesize: "100" },
  });
  return page.organizations;
}

export async function listPermissionKeys(token: string, orgId: string): Promise<string[]> {
  const body = await callApi(
    token,
    `/api/identity/orgs/${encodeURIComponent(orgId)}/users/keys`,
    z.looseObject({ keys: z.array(z.string()) }),
  );
  return body.keys;
}

export async function listApiTokens(token: string, orgId: string): Promise<ApiToken[]> {
  const body = await callApi(
    token,
    "/api/identity/tokens",
    z.looseObject({ tokens: z.array(apiTokenSchema) }),
    {
      query: { orgId },
    },
  );
  return body.tokens;
}

/** `expiresInDays: null` is a token that never expires; left out, the API picks its default (90 days). */
export type NewApiToken = { orgId: string; name: string; scopes?: string[]; expiresInDays?: number | null };

export function createApiToken(token: string, request: NewApiToken): Promise<CreatedToken> {
  return callApi(token, "/api/identity/tokens", createdTokenSchema, { method: "POST", body: request });
}

export async function revokeApiToken(token: string, orgId: string, tokenId: string): Promise<void> {
  await callApi(token, `/api/identity/tokens/${encodeURIComponent(tokenId)}`, z.unknown(), {
    method: "DELETE",
    query: { orgId },
  });
}
