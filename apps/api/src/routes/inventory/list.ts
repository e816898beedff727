// GET /api/connections/{id}/inventory: a page of the cluster's objects, filtered by kind, namespace and name.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getConnection, listInventoryObjects } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import {
  ConnectionParam,
  decodeCursor,
  encodeCursor,
  InventoryObjectBody,
  toInventoryObject,
} from "./schema";

const Query = OrgQuery.extend({
  kind: z.string().min(1).max(253).optional(),
  namespace: z.string().max(253).optional(),
  q: z.string().max(200).optional(),
  cursor: z.string().max(2_000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const Page = z
  .object({ objects: z.array(InventoryObjectBody), next: z.string().nullable() })
  .openapi("InventoryPage");

const route = createRoute({
  method: "get",
  path: "/api/connections/{id}/inventory",
  tags: ["inventory"],
  summary: "Browse a cluster's inventory",
  request: { params: ConnectionParam, query: Query },
  responses: {
    200: {
      description: "A page of objects, by kind, namespace and name",
      content: { "application/json": { schema: Page } },
    },
    ...openApiErrorResponses,
  },
});

export const registerListInventory = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const query = c.req.valid("query");
    const access = await requireOrgAccess(c, orgIdOf(query), "connections:read");
    const organizationId = access.organization.id;
    if (!(await getConnection(c.var.db, { organizationId, id })))
      throw new ApiError({ code: "NOT_FOUND", message: `No connection ${id}` });
    const page = await listInventoryObjects(c.var.db, {
      organizationId,
      connectionId: id,
      kind: query.kind,
      namespace: query.namespace,
      q: query.q,
      cursor: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit,
    });
    return c.json(
      { objects: page.objects.map(toInventoryObject), next: page.next ? encodeCursor(page.next) : null },
      200,
    );
  });
