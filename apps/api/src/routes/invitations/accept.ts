// POST /api/organizations/invitations/accept: the signed-in user joins the organisation that invited them.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { acceptInvitation, getUser } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireSignedIn } from "../../auth/authorize";
import { rateLimit } from "../../auth/rate-limit";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { InvitationBody, toInvitation } from "./schema";

const route = createRoute({
  method: "post",
  path: "/api/organizations/invitations/accept",
  tags: ["invitations"],
  summary: "Accept an invitation by its code",
  middleware: [rateLimit({ bucket: "invitation-accept", limit: 20, windowSeconds: 60 })] as const,
  request: {
    body: {
      content: { "application/json": { schema: z.object({ code: z.string().min(1).max(200) }).strict() } },
      required: true,
    },
  },
  responses: {
    200: { description: "Joined", content: { "application/json": { schema: InvitationBody } } },
    ...openApiErrorResponses,
  },
});

export const registerAcceptInvitation = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const actor = await requireSignedIn(c);
    if (actor.type !== "user") {
      throw new ApiError({ code: "FORBIDDEN", message: "Invitations are accepted from a signed-in session" });
    }
    const user = await getUser(c.var.db, { id: actor.userId });
    if (!user) throw new ApiError({ code: "UNAUTHORIZED", message: "The token's user no longer exists" });
    const invitation = await acceptInvitation(c.var.db, {
      code: c.req.valid("json").code,
      userId: user.id,
      email: user.email,
    });
    await audit(c, {
      organizationId: invitation.organizationId,
      actorId: user.id,
      action: "membership.joined",
      resourceType: "invitation",
      resourceId: invitation.id,
      description: `${user.email} joined as ${invitation.roleKey}`,
    });
    return c.json(toInvitation(invitation), 200);
  });
