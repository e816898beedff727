// Wire shape of a credential: its name, type and the names of its secret fields, never their values.
import { z } from "@hono/zod-openapi";
import type { CredentialSummary } from "@meshplane/db/queries";

export const CredentialBody = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.string(),
    organizationId: z.uuid(),
    userId: z.uuid().nullable(),
    secret: z.record(z.string(), z.literal("<redacted>")).openapi({
      description: "The secret's field names; values are write-only and never returned",
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Credential");

export function toCredential(
  row: CredentialSummary,
  secretKeys: string[] = [],
): z.infer<typeof CredentialBody> {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    organizationId: row.organizationId,
    userId: row.ownerId,
    secret: Object.fromEntries(secretKeys.map((key) => [key, "<redacted>" as const])),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The sealing context binds a ciphertext to its organisation: a row copied to another tenant will not open. */
export const credentialContext = (organizationId: string) => `credential:${organizationId}`;
