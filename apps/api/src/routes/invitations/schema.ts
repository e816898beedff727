// Wire shape of an invitation: whom it addresses, with which role, until when; never its code after creation.
import { z } from "@hono/zod-openapi";
import type { InvitationSummary } from "@meshplane/db/queries";

export const InvitationBody = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    email: z.string().nullable(),
    domain: z.string().nullable(),
    roles: z.array(z.string()),
    teamId: z.uuid().nullable(),
    expiresAt: z.string(),
    status: z.enum(["pending", "accepted", "expired", "revoked"]),
    acceptedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Invitation");

export function toInvitation(row: InvitationSummary, now = new Date()): z.infer<typeof InvitationBody> {
  const status = row.revokedAt
    ? "revoked"
    : row.email && row.acceptedAt
      ? "accepted"
      : row.expiresAt <= now
        ? "expired"
        : "pending";
  return {
    id: row.id,
    orgId: row.organizationId,
    email: row.email,
    domain: row.domain,
    roles: [row.roleKey],
    teamId: row.teamId,
    expiresAt: row.expiresAt.toISOString(),
    status,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
