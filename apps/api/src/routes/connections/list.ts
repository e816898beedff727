// GET /api/integrations/connections: the organisation's connections, filtered by kind, status and name.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listConnections } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { PageQuery } from "../identity/schema";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { ConnectionPage, ConnectionStatus, pageOf } from "./schema";

const Query = PageQuery.extend(OrgQuery.shape).extend({
  kind: z.string().max(60).optional(),
  // Meshery repeats `status`; a single value arrives as a string.
  status: z.union([ConnectionStatus, z.array(ConnectionStatus)]).optional(),
});

const route = createRoute({
  method: "get",
  path: "/api/integrations/connections",
  tags: ["connections"],
  summary: "List connections",
  request: { query: Query },
  responses: {
    200: {
      description: "A page of connections",
      content: { "application/json": { schema: ConnectionPage } },
    },
    ...openApiErrorResponses,
  },
});

export const connectionsCapability = {
  feature: "persist-connection",
  endpoint: "/api/integrations/connections",
};

export const registerListConnections = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const access = await requireOrgAccess(c, orgIdOf(query), "connections:read");
    const statuses = query.status === undefined ? undefined : [query.status].flat();
    const needle = query.search?.toLowerCase();
    const rows = (
      await listConnections(c.var.db, {
        organizationId: access.organization.id,
        ...(query.kind ? { kind: query.kind } : {}),
        ...(statuses ? { statuses } : {}),
      })
    ).filter((row) => !needle || row.name.toLowerCase().includes(needle));
    return c.json(pageOf(rows, query.page, query.pagesize), 200);
  });
