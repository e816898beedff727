// POST /api/organizations/invitations: invites one email or a whole domain; the invite code is shown once.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createInvitation } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import { assertMayGrant } from "../../auth/provider-roles";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { InvitationBody, toInvitation } from "./schema";

const Body = z
  .object({
    orgId: z.uuid(),
    email: z.email().max(254).optional(),
    domain: z
      .string()
      .regex(/^@?[a-z0-9.-]+\.[a-z]{2,}$/i, "a domain such as example.com")
      .max(253)
      .optional(),
    role: z.string().min(1).max(60).default("user"),
    teamId: z.uuid().optional(),
    expiresInDays: z.number().int().min(1).max(30).default(7),
  })
  .strict()
  .refine((body) => !body.email !== !body.domain, { message: "give either email or domain" })
  .openapi("NewInvitation");

const route = createRoute({
  method: "post",
  path: "/api/organizations/invitations",
  tags: ["invitations"],
  summary: "Invite people to the organisation",
  request: { body: { content: { "application/json": { schema: Body } }, required: true } },
  responses: {
    201: {
      description: "The invitation and its code, shown once",
      content: { "application/json": { schema: z.object({ code: z.string(), invitation: InvitationBody }) } },
    },
    ...openApiErrorResponses,
  },
});

export const registerCreateInvitation = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const access = await requireOrgAccess(c, body.orgId, "members:invite");
    await assertMayGrant(c, access.userId, [body.role]);
    const { code, invitation } = await createInvitation(c.var.db, {
      organizationId: body.orgId,
      invitedById: access.userId,
      ...(body.email ? { email: body.email } : {}),
      ...(body.domain ? { domain: body.domain } : {}),
      roleKey: body.role,
      teamId: body.teamId ?? null,
      expiresAt: new Date(Date.now() + body.expiresInDays * 86_400_000),
    });
    await audit(c, {
      organizationId: body.orgId,
      actorId: access.userId,
      action: "invitation.created",
      resourceType: "invitation",
      resourceId: invitation.id,
      description: `Invited ${invitation.email ?? `everyone at ${invitation.domain}`} as ${invitation.roleKey}`,
    });
    return c.json({ code, invitation: toInvitation(invitation) }, 201);
  });
