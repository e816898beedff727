// A team's members: GET lists them; POST and DELETE /api/identity/teams/{id}/users/{userId} add and remove one.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  addTeamMember,
  getOrganizationForMember,
  getTeam,
  listTeamMembers,
  removeTeamMember,
} from "@meshplane/db/queries";
import type { Context } from "hono";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";

const tags = ["teams"];
const TeamMember = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    roleNames: z.array(z.string()),
  })
  .openapi("TeamMember");

const listRoute = createRoute({
  method: "get",
  path: "/api/identity/teams/{id}/users",
  tags,
  summary: "List a team's members",
  request: { params: z.object({ id: z.uuid() }), query: OrgQuery },
  responses: {
    200: {
      description: "Members",
      content: { "application/json": { schema: z.object({ members: z.array(TeamMember) }) } },
    },
    ...openApiErrorResponses,
  },
});

const memberRoute = (method: "post" | "delete") =>
  createRoute({
    method,
    path: "/api/identity/teams/{id}/users/{userId}",
    tags,
    summary: method === "post" ? "Add a member of the organisation to a team" : "Remove a member from a team",
    request: { params: z.object({ id: z.uuid(), userId: z.uuid() }), query: OrgQuery },
    responses: {
      [method === "post" ? 201 : 204]: { description: method === "post" ? "Added" : "Removed" },
      ...openApiErrorResponses,
    },
  });

async function teamOf(c: Context<AppEnv>, organizationId: string, id: string) {
  const team = await getTeam(c.var.db, { organizationId, id });
  if (!team) throw new ApiError({ code: "NOT_FOUND", message: `No team ${id}` });
  return team;
}

export const registerTeamMembers = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(listRoute, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "teams:read");
    const team = await teamOf(c, access.organization.id, c.req.valid("param").id);
    const members = await listTeamMembers(c.var.db, {
      organizationId: access.organization.id,
      teamId: team.id,
    });
    return c.json(
      { members: members.map(({ roleKeys, ...member }) => ({ ...member, roleNames: roleKeys })) },
      200,
    );
  });
  const change = async (
    c: Context<AppEnv>,
    params: { id: string; userId: string },
    orgId: string | undefined,
    add: boolean,
  ) => {
    const access = await requireOrgAccess(c, orgId, "teams:manage");
    const organizationId = access.organization.id;
    const team = await teamOf(c, organizationId, params.id);
    if (add) {
      // Users are global: only a member of this organisation may join one of its teams.
      if (!(await getOrganizationForMember(c.var.db, { organizationId, userId: params.userId }))) {
        throw new ApiError({ code: "NOT_FOUND", message: `No member ${params.userId}` });
      }
      await addTeamMember(c.var.db, { organizationId, teamId: team.id, userId: params.userId });
    } else if (
      !(await removeTeamMember(c.var.db, { organizationId, teamId: team.id, userId: params.userId }))
    ) {
      throw new ApiError({ code: "NOT_FOUND", message: `${params.userId} is not in this team` });
    }
    await audit(c, {
      organizationId,
      actorId: access.userId,
      action: add ? "team.member_added" : "team.member_removed",
      resourceType: "team",
      resourceId: team.id,
      description: `${add ? "Added a member to" : "Removed a member from"} team "${team.name}"`,
      metadata: { userId: params.userId },
    });
    return add ? c.json({ added: true }, 201) : c.body(null, 204);
  };
  app.openapi(
    memberRoute("post"),
    (c) => change(c, c.req.valid("param"), orgIdOf(c.req.valid("query")), true) as never,
  );
  app.openapi(
    memberRoute("delete"),
    (c) => change(c, c.req.valid("param"), orgIdOf(c.req.valid("query")), false) as never,
  );
};
