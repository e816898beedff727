// GET/POST /api/identity/orgs/{orgId}/roles and DELETE .../roles/{roleId}: built-in roles and custom ones.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createCustomRole, deleteCustomRole, listRoles, type Role } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import { builtInRolePermissions, permissionKeys } from "../../auth/permissions";
import { providerOnlyKeys } from "../../auth/provider-roles";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";

const RoleBody = z
  .object({
    id: z.uuid(),
    key: z.string(),
    roleName: z.string(),
    description: z.string(),
    builtIn: z.boolean(),
    permissionKeys: z.array(z.string()),
  })
  .openapi("Role");

function toRole(role: Role): z.infer<typeof RoleBody> {
  const keys = role.builtIn
    ? [...(builtInRolePermissions[role.key as keyof typeof builtInRolePermissions] ?? [])]
    : role.permissionKeys;
  return {
    id: role.id,
    key: role.key,
    roleName: role.name,
    description: role.description,
    builtIn: role.builtIn,
    permissionKeys: keys,
  };
}

const orgParams = z.object({ orgId: z.uuid() });

const listRoute = createRoute({
  method: "get",
  path: "/api/identity/orgs/{orgId}/roles",
  tags: ["roles"],
  summary: "List roles and what they grant",
  request: { params: orgParams },
  responses: {
    200: {
      description: "Roles",
      content: {
        "application/json": {
          schema: z.object({ roles: z.array(RoleBody), permissionKeys: z.array(z.string()) }),
        },
      },
    },
    ...openApiErrorResponses,
  },
});

const createRole = createRoute({
  method: "post",
  path: "/api/identity/orgs/{orgId}/roles",
  tags: ["roles"],
  summary: "Create a custom role",
  request: {
    params: orgParams,
    body: {
      content: {
        "application/json": {
          schema: z
            .object({
              key: z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, "lowercase letters, digits, - and _"),
              roleName: z.string().trim().min(1).max(80),
              description: z.string().max(500).optional(),
              permissionKeys: z.array(z.enum(permissionKeys)).max(permissionKeys.length),
            })
            .strict(),
        },
      },
      required: true,
    },
  },
  responses: {
    201: { description: "The role", content: { "application/json": { schema: RoleBody } } },
    ...openApiErrorResponses,
  },
});

const deleteRole = createRoute({
  method: "delete",
  path: "/api/identity/orgs/{orgId}/roles/{roleId}",
  tags: ["roles"],
  summary: "Delete a custom role",
  request: { params: orgParams.extend({ roleId: z.uuid() }) },
  responses: { 204: { description: "Deleted" }, ...openApiErrorResponses },
});

export const registerRoles = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(listRoute, async (c) => {
    const access = await requireOrgAccess(c, c.req.valid("param").orgId, "roles:read");
    const roles = (await listRoles(c.var.db, { organizationId: access.organization.id })).map(toRole);
    return c.json({ roles, permissionKeys: [...permissionKeys] }, 200);
  });
  app.openapi(createRole, async (c) => {
    const { orgId } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgId, "roles:manage");
    const body = c.req.valid("json");
    const reserved = body.permissionKeys.filter((key) => providerOnlyKeys.includes(key));
    if (reserved.length > 0) {
      throw new ApiError({
        code: "FORBIDDEN",
        message: `${reserved.join(", ")} belongs to provider-wide roles and cannot be granted by a custom role`,
      });
    }
    const role = await createCustomRole(c.var.db, {
      organizationId: orgId,
      key: body.key,
      name: body.roleName,
      description: body.description ?? "",
      permissionKeys: body.permissionKeys,
    });
    await audit(c, {
      organizationId: orgId,
      actorId: access.userId,
      action: "role.created",
      resourceType: "role",
      resourceId: role.id,
      description: `Created role "${role.name}"`,
      metadata: { permissionKeys: role.permissionKeys },
    });
    return c.json(toRole(role), 201);
  });
  app.openapi(deleteRole, async (c) => {
    const { orgId, roleId } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgId, "roles:manage");
    if (!(await deleteCustomRole(c.var.db, { organizationId: orgId, id: roleId }))) {
      throw new ApiError({ code: "NOT_FOUND", message: `No custom role ${roleId}` });
    }
    await audit(c, {
      organizationId: orgId,
      actorId: access.userId,
      action: "role.deleted",
      resourceType: "role",
      resourceId: roleId,
      description: "Deleted a custom role",
    });
    return c.body(null, 204);
  });
};
