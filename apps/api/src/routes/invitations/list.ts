// GET /api/organizations/invitations and DELETE /api/organizations/invitations/{id}: see and revoke invitations.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listInvitations, revokeInvitation } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { InvitationBody, toInvitation } from "./schema";

const listRoute = createRoute({
  method: "get",
  path: "/api/organizations/invitations",
  tags: ["invitations"],
  summary: "List the organisation's invitations",
  request: { query: OrgQuery },
  responses: {
    200: {
      description: "Invitations, newest first",
      content: { "application/json": { schema: z.object({ invitations: z.array(InvitationBody) }) } },
    },
    ...openApiErrorResponses,
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/api/organizations/invitations/{id}",
  tags: ["invitations"],
  summary: "Revoke an invitation",
  request: { params: z.object({ id: z.uuid() }), query: OrgQuery },
  responses: { 204: { description: "Revoked" }, ...openApiErrorResponses },
});

export const registerInvitationAdmin = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(listRoute, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "members:invite");
    const rows = await listInvitations(c.var.db, { organizationId: access.organization.id });
    return c.json({ invitations: rows.map((row) => toInvitation(row)) }, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "members:invite");
    if (!(await revokeInvitation(c.var.db, { organizationId: access.organization.id, id }))) {
      throw new ApiError({ code: "NOT_FOUND", message: `No pending invitation ${id}` });
    }
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: "invitation.revoked",
      resourceType: "invitation",
      resourceId: id,
      description: "Revoked an invitation",
    });
    return c.body(null, 204);
  });
};
