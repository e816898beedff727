// GET /api/registry/relationships: the relationship definitions the registry holds, for anyone; with `?orgId=` a
// member also sees those of that organisation's discovered models.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listRelationshipDefinitions } from "@meshplane/db/queries";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import {
  PageQuery,
  paged,
  RegistryScopeQuery,
  RelationshipBody,
  registryScope,
  toRelationship,
} from "./schema";

const route = createRoute({
  method: "get",
  path: "/api/registry/relationships",
  tags: ["registry"],
  summary: "Relationship definitions, optionally of one model, kind, type or subType",
  request: {
    query: z.object({
      model: z.string().max(255).optional().openapi({ example: "kubernetes" }),
      kind: z.string().max(100).optional().openapi({ example: "edge" }),
      type: z.string().max(100).optional(),
      subType: z.string().max(100).optional(),
      ...PageQuery,
      ...RegistryScopeQuery,
    }),
  },
  responses: {
    200: {
      description: "A page of relationship definitions with their selectors",
      content: {
        "application/json": { schema: paged(RelationshipBody).openapi("RegistryRelationshipPage") },
      },
    },
    ...openApiErrorResponses,
  },
});

export const registerRegistryRelationships = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const { model, kind, type, subType, page, pageSize } = query;
    const scope = await registryScope(c, query);
    const result = await listRelationshipDefinitions(c.var.db, {
      ...scope,
      ...(model ? { model } : {}),
      ...(kind ? { kind } : {}),
      ...(type ? { type } : {}),
      ...(subType ? { subType } : {}),
      page,
      pageSize,
    });
    return c.json(
      {
        items: result.relationships.map(toRelationship),
        totalCount: result.total,
        page: result.page,
        pageSize: result.pageSize,
      },
      200,
    );
  });
