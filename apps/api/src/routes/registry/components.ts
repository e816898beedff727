// GET /api/registry/components and /api/registry/components/{id}: component definitions for anyone, with schemas;
// with `?orgId=` a member also reaches the components of that organisation's discovered models.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getComponentDefinition, searchComponentDefinitions } from "@meshplane/db/queries";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import {
  ComponentBody,
  ComponentWithSchemaBody,
  PageQuery,
  paged,
  RegistryScopeQuery,
  registryScope,
  toComponent,
  toComponentWithSchema,
} from "./schema";

const tags = ["registry"];

const searchRoute = createRoute({
  method: "get",
  path: "/api/registry/components",
  tags,
  summary: "Search component definitions by kind or name, model and apiVersion",
  request: {
    query: z.object({
      q: z.string().max(200).optional().openapi({ description: "Part of the kind or display name" }),
      model: z.string().max(255).optional().openapi({ description: "A model's name", example: "kubernetes" }),
      kind: z.string().max(255).optional().openapi({ description: "The exact kind, any case" }),
      apiVersion: z.string().max(255).optional().openapi({ example: "apps/v1" }),
      ...PageQuery,
      ...RegistryScopeQuery,
    }),
  },
  responses: {
    200: {
      description: "A page of component definitions, without their schemas",
      content: { "application/json": { schema: paged(ComponentBody).openapi("RegistryComponentPage") } },
    },
    ...openApiErrorResponses,
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/registry/components/{id}",
  tags,
  summary: "One component definition with its JSON Schema",
  request: { params: z.object({ id: z.uuid() }), query: z.object(RegistryScopeQuery) },
  responses: {
    200: {
      description: "The component definition",
      content: { "application/json": { schema: ComponentWithSchemaBody } },
    },
    ...openApiErrorResponses,
  },
});

export const registerRegistryComponents = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(searchRoute, async (c) => {
    const query = c.req.valid("query");
    const scope = await registryScope(c, query);
    const page = await searchComponentDefinitions(c.var.db, {
      ...scope,
      ...(query.q?.trim() ? { search: query.q.trim() } : {}),
      ...(query.model ? { model: query.model } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.apiVersion ? { apiVersion: query.apiVersion } : {}),
      page: query.page,
      pageSize: query.pageSize,
    });
    return c.json(
      {
        items: page.components.map(toComponent),
        totalCount: page.total,
        page: page.page,
        pageSize: page.pageSize,
      },
      200,
    );
  });
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    const scope = await registryScope(c, c.req.valid("query"));
    // Another organisation's component is not found, exactly like one that does not exist.
    const component = await getComponentDefinition(c.var.db, { ...scope, id });
    if (!component) throw new ApiError({ code: "NOT_FOUND", message: `No component definition ${id}` });
    return c.json(toComponentWithSchema(component), 200);
  });
};
