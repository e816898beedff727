// GET /api/connections/{id}/inventory/kinds: which kinds the cluster's inventory holds, and how many of each.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { countInventoryKinds, getConnection } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { ConnectionParam } from "./schema";

const Kinds = z
  .object({
    kinds: z.array(z.object({ apiGroup: z.string(), kind: z.string(), count: z.number().int() })),
    total: z.number().int(),
  })
  .openapi("InventoryKinds");

const route = createRoute({
  method: "get",
  path: "/api/connections/{id}/inventory/kinds",
  tags: ["inventory"],
  summary: "Count a cluster's objects per kind",
  request: { params: ConnectionParam, query: OrgQuery },
  responses: {
    200: {
      description: "Kinds with their object counts",
      content: { "application/json": { schema: Kinds } },
    },
    ...openApiErrorResponses,
  },
});

export const registerInventoryKinds = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "connections:read");
    const organizationId = access.organization.id;
    if (!(await getConnection(c.var.db, { organizationId, id })))
      throw new ApiError({ code: "NOT_FOUND", message: `No connection ${id}` });
    const kinds = await countInventoryKinds(c.var.db, { organizationId, connectionId: id });
    return c.json({ kinds, total: kinds.reduce((sum, k) => sum + k.count, 0) }, 200);
  });
