// GET, PUT (status change along the state machine) and DELETE of one connection.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { deleteConnection, getConnection, updateConnectionStatus } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { ConnectionBody, ConnectionStatus, toConnection } from "./schema";

const request = { params: z.object({ id: z.uuid() }), query: OrgQuery };
const path = "/api/integrations/connections/{id}";
const tags = ["connections"];

const getRoute = createRoute({
  method: "get",
  path,
  tags,
  summary: "Get a connection",
  request,
  responses: {
    200: { description: "The connection", content: { "application/json": { schema: ConnectionBody } } },
    ...openApiErrorResponses,
  },
});

const putRoute = createRoute({
  method: "put",
  path,
  tags,
  summary: "Change a connection's status",
  request: {
    ...request,
    body: {
      content: { "application/json": { schema: z.object({ status: ConnectionStatus }).strict() } },
      required: true,
    },
  },
  responses: {
    200: { description: "The connection", content: { "application/json": { schema: ConnectionBody } } },
    ...openApiErrorResponses,
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path,
  tags,
  summary: "Delete a connection",
  request,
  responses: { 204: { description: "Deleted" }, ...openApiErrorResponses },
});

export const registerConnectionById = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "connections:read");
    const row = await getConnection(c.var.db, { organizationId: access.organization.id, id });
    if (!row) throw new ApiError({ code: "NOT_FOUND", message: `No connection ${id}` });
    return c.json(toConnection(row), 200);
  });
  app.openapi(putRoute, async (c) => {
    const { id } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "connections:manage");
    const { status } = c.req.valid("json");
    const row = await updateConnectionStatus(c.var.db, {
      organizationId: access.organization.id,
      id,
      status,
    });
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: "connection.status_changed",
      resourceType: "connection",
      resourceId: id,
      description: `Moved connection "${row.name}" to ${status}`,
    });
    return c.json(toConnection(row), 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "connections:manage");
    if (!(await deleteConnection(c.var.db, { organizationId: access.organization.id, id }))) {
      throw new ApiError({ code: "NOT_FOUND", message: `No connection ${id}` });
    }
    return c.body(null, 204);
  });
};
