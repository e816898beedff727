// PUT (change roles) and DELETE (remove) one member of the organisation; the owner keeps org_admin and stays.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { changeMembershipRoles, removeMembership } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import { assertMayGrant } from "../../auth/provider-roles";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";

const params = z.object({ orgId: z.uuid(), userId: z.uuid() });
const path = "/api/identity/orgs/{orgId}/users/{userId}";

const putRoute = createRoute({
  method: "put",
  path,
  tags: ["members"],
  summary: "Change a member's roles",
  request: {
    params,
    body: {
      content: {
        "application/json": {
          schema: z.object({ roleNames: z.array(z.string().min(1).max(60)).min(1).max(20) }).strict(),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: "The member's roles",
      content: {
        "application/json": { schema: z.object({ userId: z.uuid(), roleNames: z.array(z.string()) }) },
      },
    },
    ...openApiErrorResponses,
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path,
  tags: ["members"],
  summary: "Remove a member",
  request: { params },
  responses: { 204: { description: "Removed" }, ...openApiErrorResponses },
});

const noMember = (userId: string) => new ApiError({ code: "NOT_FOUND", message: `No member ${userId}` });

export const registerMemberById = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(putRoute, async (c) => {
    const { orgId, userId } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgId, "members:manage");
    const { roleNames } = c.req.valid("json");
    await assertMayGrant(c, access.userId, roleNames);
    const row = await changeMembershipRoles(c.var.db, { organizationId: orgId, userId, roleKeys: roleNames });
    if (!row) throw noMember(userId);
    await audit(c, {
      organizationId: orgId,
      actorId: access.userId,
      action: "membership.roles_changed",
      resourceType: "user",
      resourceId: userId,
      description: `Changed roles to ${roleNames.join(", ")}`,
      metadata: { roleNames },
    });
    return c.json({ userId, roleNames: row.roleKeys }, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { orgId, userId } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgId, "members:manage");
    if (!(await removeMembership(c.var.db, { organizationId: orgId, userId }))) throw noMember(userId);
    await audit(c, {
      organizationId: orgId,
      actorId: access.userId,
      action: "membership.removed",
      resourceType: "user",
      resourceId: userId,
      description: "Removed a member",
    });
    return c.body(null, 204);
  });
};
