// Invitations into an organisation: whom they address, the link that carries the code, and their lifecycle.
import { z } from "zod";
import { callApi } from "./api-client";

const invitationSchema = z.looseObject({
  id: z.string(),
  orgId: z.string(),
  email: z.string().nullish(),
  domain: z.string().nullish(),
  roles: z.array(z.string()),
  teamId: z.string().nullish(),
  expiresAt: z.string(),
  status: z.enum(["pending", "accepted", "expired", "revoked"]),
  acceptedAt: z.string().nullish(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

const createdInvitationSchema = z.looseObject({ code: z.string().min(1), invitation: invitationSchema });
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const invitationExpiries = [1, 7, 14, 30] as const;

/** One email, or everyone whose address ends at a domain: the API takes exactly one of the two. */
export type Invitee = { email: string } | { domain: string };

export type NewInvitation = {
  orgId: string;
  invitee: Invitee;
  role: string;
  teamId?: string;
  expiresInDays: number;
};

export const invitationFormSchema = z.object({
  invitee: z
    .string()
    .trim()
    .min(1, "Enter an email address or a domain")
    .transform((text, context): Invitee => {
      const invitee = parseInvitee(text);
      if (!invitee) {
        context.addIssue({
          code: "custom",
          message: "Enter an email (ada@example.com) or a domain (example.com)",
        });
        return z.NEVER;
      }
      return invitee;
    }),
  role: z.string().min(1, "Pick a role").max(60),
  teamId: z.union([z.literal(""), z.uuid("Pick a team from the list")]),
  expiresInDays: z.coerce
    .number()
    .int()
    .refine(
      (days) => (invitationExpiries as readonly number[]).includes(days),
      "Pick an expiry from the list",
    ),
});

const emailPattern = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const domainPattern = /^@?([a-z0-9-]+\.)+[a-z]{2,}$/i;

/** "ada@example.com" invites Ada; "example.com" or "@example.com" invites everyone at example.com. */
export function parseInvitee(text: string): Invitee | undefined {
  const trimmed = text.trim();
  if (emailPattern.test(trimmed)) return { email: trimmed };
  if (domainPattern.test(trimmed)) return { domain: trimmed.replace(/^@/, "").toLowerCase() };
  return undefined;
}

export function inviteeLabel(invitation: Pick<Invitation, "email" | "domain">): string {
  if (invitation.email) return invitation.email;
  return invitation.domain ? `everyone at ${invitation.domain}` : "—";
}

/** The page an invitee opens; it carries the code, which the API shows only at creation. */
export function invitationLink(webOrigin: string, code: string): string {
  return new URL(acceptPagePath(code), webOrigin).toString();
}

export async function listInvitations(token: string, orgId: string): Promise<Invitation[]> {
  const body = await callApi(
    token,
    "/api/organizations/invitations",
    z.looseObject({ invitations: z.array(invitationSchema) }),
    { query: { orgId } },
  );
  return body.invitations;
}

export function createInvitation(token: string, request: NewInvitation): Promise<CreatedInvitation> {
  const { invitee, teamId, ...rest } = request;
  return callApi(token, "/api/organizations/invitations", createdInvitationSchema, {
    method: "POST",
    body: { ...rest, ...invitee, ...(teamId ? { teamId } : {}) },
  });
}

export async function revokeInvitation(token: string, orgId: string, invitationId: string): Promise<void> {
  await callApi(token, `/api/organizations/invitations/${encodeURIComponent(invitationId)}`, z.unknown(), {
    method: "DELETE",
    query: { orgId },
  });
}

export function acceptInvitation(token: string, code: string): Promise<Invitation> {
  return callApi(token, "/api/organizations/invitations/accept", invitationSchema, {
    method: "POST",
    body: { code },
  });
}

/** This site's accept page for a code, as a path: the sign-in's return trip and the action's redirect use it. */
export function acceptPagePath(code: string): string {
  return `/invitations/accept?${new URLSearchParams({ code })}`;
}
