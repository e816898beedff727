// Invitations to an organisation, for one email or a whole domain: the code is returned once and stored hashed.
import { and, desc, eq, getTableColumns, isNull } from "drizzle-orm";
import { invitations } from "../schema/invitations";
import { organizations } from "../schema/organizations";
import type { Db } from "../types";
import { hashApiToken } from "./api-tokens";
import { addMembership } from "./memberships";
import { addTeamMember } from "./teams";
import { DomainError, returnedRow, withTransaction } from "./transactions";
import { normalizeEmail } from "./users";

export type Invitation = typeof invitations.$inferSelect;
export type InvitationSummary = Omit<Invitation, "tokenHash">;

const { tokenHash: _hash, ...summary } = getTableColumns(invitations);

function newInviteCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `mpi_${btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "")}`;
}

export async function createInvitation(
  db: Db,
  params: {
    organizationId: string;
    invitedById: string;
    email?: string;
    domain?: string;
    roleKey: string;
    teamId?: string | null;
    expiresAt: Date;
  },
): Promise<{ code: string; invitation: InvitationSummary }> {
  if (!params.email === !params.domain)
    throw new DomainError("invalid_argument", "invite one email or one domain");
  const [organization] = await db
    .select({ personal: organizations.personal })
    .from(organizations)
    .where(eq(organizations.id, params.organizationId));
  if (!organization) throw new DomainError("not_found", "organization not found");
  if (organization.personal) throw new DomainError("conflict", "a personal organization cannot be shared");
  const code = newInviteCode();
  const rows = await db
    .insert(invitations)
    .values({
      ...params,
      email: params.email ? normalizeEmail(params.email) : null,
      domain: params.domain ? params.domain.trim().toLowerCase().replace(/^@/, "") : null,
      tokenHash: await hashApiToken(code),
    })
    .returning(summary);
  return { code, invitation: returnedRow(rows, "insert into invitations") };
}

export function listInvitations(db: Db, params: { organizationId: string }): Promise<InvitationSummary[]> {
  return db
    .select(summary)
    .from(invitations)
    .where(eq(invitations.organizationId, params.organizationId))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
}

export async function revokeInvitation(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.organizationId, params.organizationId),
        eq(invitations.id, params.id),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/**
 * Accepts an invitation for a signed-in user whose email it addresses (exactly, or by domain). An email
 * invitation is used up by its first acceptance; a domain invitation serves everyone at that domain.
 */
export function acceptInvitation(
  db: Db,
  params: { code: string; userId: string; email: string; now?: Date },
): Promise<InvitationSummary> {
  const now = params.now ?? new Date();
  return withTransaction(db, async (tx) => {
    const [invitation] = await tx
      .select(summary)
      .from(invitations)
      .where(eq(invitations.tokenHash, await hashApiToken(params.code)))
      .for("update");
    if (!invitation) throw new DomainError("not_found", "no such invitation");
    if (invitation.revokedAt) throw new DomainError("conflict", "the invitation was revoked");
    if (invitation.expiresAt <= now) throw new DomainError("conflict", "the invitation has expired");
    const email = normalizeEmail(params.email);
    const addressed = invitation.email ? invitation.email === email : email.endsWith(`@${invitation.domain}`);
    // Not addressed to this user: as if it did not exist, so codes cannot be probed.
    if (!addressed) throw new DomainError("not_found", "no such invitation");
    if (invitation.email && invitation.acceptedAt)
      throw new DomainError("conflict", "the invitation was already used");
    await addMembership(tx, {
      organizationId: invitation.organizationId,
      userId: params.userId,
      roleKeys: [invitation.roleKey],
    });
    if (invitation.teamId) {
      await addTeamMember(tx, {
        organizationId: invitation.organizationId,
        teamId: invitation.teamId,
        userId: params.userId,
      });
    }
    const [accepted] = await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedById: params.userId })
      .where(eq(invitations.id, invitation.id))
      .returning(summary);
    return accepted ?? invitation;
  });
}
