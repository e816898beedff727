// Meshery's assignment routes: GET lists, POST assigns and DELETE unassigns a child of a workspace or environment.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { addLink, type LinkKind, listLinked, removeLink } from "@meshplane/db/queries";
import type { Context } from "hono";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { PermissionKey } from "../../auth/permissions";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { toConnection } from "../connections/schema";
import { toDesignSummary } from "../designs/schema";
import { OrgQuery, orgIdOf, toNamedResource } from "../named-resources/spec";

type LinkSpec = {
  kind: LinkKind;
  parentPath: "/api/workspaces" | "/api/environments";
  parent: "workspace" | "environment";
  children: "teams" | "environments" | "designs" | "connections";
  read: PermissionKey;
  manage: PermissionKey;
};

export const linkSpecs: LinkSpec[] = [
  {
    kind: "workspace-teams",
    parentPath: "/api/workspaces",
    parent: "workspace",
    children: "teams",
    read: "workspaces:read",
    manage: "workspaces:manage",
  },
  {
    kind: "workspace-environments",
    parentPath: "/api/workspaces",
    parent: "workspace",
    children: "environments",
    read: "workspaces:read",
    manage: "workspaces:manage",
  },
  {
    kind: "workspace-designs",
    parentPath: "/api/workspaces",
    parent: "workspace",
    children: "designs",
    read: "workspaces:read",
    manage: "workspaces:manage",
  },
  {
    kind: "environment-connections",
    parentPath: "/api/environments",
    parent: "environment",
    children: "connections",
    read: "environments:read",
    manage: "environments:manage",
  },
];

function serialize(spec: LinkSpec, rows: unknown[]): Record<string, unknown>[] {
  if (spec.children === "designs")
    return rows.map((row) => toDesignSummary(row as Parameters<typeof toDesignSummary>[0]));
  if (spec.children === "connections")
    return rows.map((row) => toConnection(row as Parameters<typeof toConnection>[0]));
  return rows.map((row) => toNamedResource(row as Parameters<typeof toNamedResource>[0]));
}

export function registerLinkRoutes(app: OpenAPIHono<AppEnv>, spec: LinkSpec) {
  const tags = [`${spec.parent}s`];
  const listRoute = createRoute({
    method: "get",
    path: `${spec.parentPath}/{id}/${spec.children}`,
    tags,
    summary: `List the ${spec.children} of a ${spec.parent}`,
    request: { params: z.object({ id: z.uuid() }), query: OrgQuery },
    responses: {
      200: {
        description: `The ${spec.children}`,
        content: {
          "application/json": {
            schema: z.object({
              [spec.children]: z.array(z.record(z.string(), z.unknown())),
              totalCount: z.number().int(),
            }),
          },
        },
      },
      ...openApiErrorResponses,
    },
  });
  const childRoute = (method: "post" | "delete") =>
    createRoute({
      method,
      path: `${spec.parentPath}/{id}/${spec.children}/{childId}`,
      tags,
      summary: `${method === "post" ? "Assign" : "Unassign"} a ${spec.children.slice(0, -1)} ${method === "post" ? "to" : "from"} a ${spec.parent}`,
      request: { params: z.object({ id: z.uuid(), childId: z.uuid() }), query: OrgQuery },
      responses: {
        [method === "post" ? 201 : 204]: { description: method === "post" ? "Assigned" : "Unassigned" },
        ...openApiErrorResponses,
      },
    });

  app.openapi(listRoute, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), spec.read);
    const rows = await listLinked(c.var.db, spec.kind, {
      organizationId: access.organization.id,
      parentId: c.req.valid("param").id,
    });
    return c.json({ [spec.children]: serialize(spec, rows), totalCount: rows.length }, 200);
  });
  const change = async (
    c: Context<AppEnv>,
    params: { id: string; childId: string },
    orgId: string | undefined,
    add: boolean,
  ) => {
    const access = await requireOrgAccess(c, orgId, spec.manage);
    const link = { organizationId: access.organization.id, parentId: params.id, childId: params.childId };
    if (add) await addLink(c.var.db, spec.kind, link);
    else if (!(await removeLink(c.var.db, spec.kind, link))) {
      throw new ApiError({
        code: "NOT_FOUND",
        message: `That ${spec.children.slice(0, -1)} is not assigned to this ${spec.parent}`,
      });
    }
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: `${spec.parent}.${spec.children}_${add ? "assigned" : "unassigned"}`,
      resourceType: spec.parent,
      resourceId: params.id,
      description: `${add ? "Assigned" : "Unassigned"} a ${spec.children.slice(0, -1)}`,
      metadata: { childId: params.childId },
    });
    return add ? c.json({ assigned: true }, 201) : c.body(null, 204);
  };
  app.openapi(
    childRoute("post"),
    (c) => change(c, c.req.valid("param"), orgIdOf(c.req.valid("query")), true) as never,
  );
  app.openapi(
    childRoute("delete"),
    (c) => change(c, c.req.valid("param"), orgIdOf(c.req.valid("query")), false) as never,
  );
}
