// Wire shape of an API token: never its hash, and the plaintext only in the creation response.
import { z } from "@hono/zod-openapi";
import type { ApiTokenSummary } from "@meshplane/db/queries";

export const ApiTokenBody = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({ description: "The first characters, to recognise the token" }),
    scopes: z.array(z.string()),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("ApiToken");

export function toApiToken(token: ApiTokenSummary): z.infer<typeof ApiTokenBody> {
  return {
    id: token.id,
    organizationId: token.organizationId,
    name: token.name,
    prefix: token.prefix,
    scopes: token.scopes,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
  };
}
