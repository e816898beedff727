// GET /api/identity/orgs/{orgId}/users: the organisation's members and their roles.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listMemberships } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";

export const MemberBody = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    roleNames: z.array(z.string()),
    joinedAt: z.string(),
  })
  .openapi("Member");

const route = createRoute({
  method: "get",
  path: "/api/identity/orgs/{orgId}/users",
  tags: ["members"],
  summary: "List the organisation's members",
  request: { params: z.object({ orgId: z.uuid() }) },
  responses: {
    200: {
      description: "Members",
      content: {
        "application/json": {
          schema: z.object({ members: z.array(MemberBody), totalCount: z.number().int() }),
        },
      },
    },
    ...openApiErrorResponses,
  },
});

export const registerListMembers = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const access = await requireOrgAccess(c, c.req.valid("param").orgId, "members:read");
    const members = (await listMemberships(c.var.db, { organizationId: access.organization.id })).map(
      (member) => ({
        userId: member.userId,
        email: member.email,
        name: member.name,
        roleNames: member.roleKeys,
        joinedAt: member.createdAt.toISOString(),
      }),
    );
    return c.json({ members, totalCount: members.length }, 200);
  });
