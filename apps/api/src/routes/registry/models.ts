// GET /api/registry/models and /api/registry/models/{name}: the registry's models for anyone, with their components;
// with `?orgId=` a member also sees the models discovered in that organisation's clusters.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getModel, listModels, searchComponentDefinitions } from "@meshplane/db/queries";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import {
  ComponentBody,
  ModelBody,
  PageQuery,
  paged,
  RegistryScopeQuery,
  registryScope,
  toComponent,
  toModel,
} from "./schema";

const tags = ["registry"];

const listRoute = createRoute({
  method: "get",
  path: "/api/registry/models",
  tags,
  summary: "Models in the registry, searched by name, display name or category",
  request: {
    query: z.object({
      q: z.string().max(200).optional(),
      category: z.string().max(200).optional(),
      ...PageQuery,
      pageSize: PageQuery.pageSize.default(24),
      ...RegistryScopeQuery,
    }),
  },
  responses: {
    200: {
      description: "A page of models, each with its number of components and relationships",
      content: { "application/json": { schema: paged(ModelBody).openapi("RegistryModelPage") } },
    },
    ...openApiErrorResponses,
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/registry/models/{name}",
  tags,
  summary: "One model (its highest version unless one is named) with a page of its components",
  request: {
    params: z.object({ name: z.string().min(1).max(255) }),
    query: z.object({
      version: z.string().min(1).max(100).optional(),
      q: z.string().max(200).optional().openapi({ description: "Part of a component's kind or name" }),
      ...PageQuery,
      ...RegistryScopeQuery,
    }),
  },
  responses: {
    200: {
      description: "The model, every stored version of it, and a page of its components",
      content: {
        "application/json": {
          schema: z
            .object({ model: ModelBody, versions: z.array(z.string()), components: paged(ComponentBody) })
            .openapi("RegistryModelDetail"),
        },
      },
    },
    ...openApiErrorResponses,
  },
});

export const registerRegistryModels = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const scope = await registryScope(c, query);
    const page = await listModels(c.var.db, {
      ...scope,
      ...(query.q?.trim() ? { search: query.q.trim() } : {}),
      ...(query.category ? { category: query.category } : {}),
      page: query.page,
      pageSize: query.pageSize,
    });
    return c.json(
      { items: page.models.map(toModel), totalCount: page.total, page: page.page, pageSize: page.pageSize },
      200,
    );
  });
  app.openapi(getRoute, async (c) => {
    const { name } = c.req.valid("param");
    const query = c.req.valid("query");
    const scope = await registryScope(c, query);
    const model = await getModel(c.var.db, {
      ...scope,
      name,
      ...(query.version ? { version: query.version } : {}),
    });
    if (!model) {
      throw new ApiError({
        code: "NOT_FOUND",
        message: query.version ? `No model ${name} at version ${query.version}` : `No model ${name}`,
      });
    }
    const components = await searchComponentDefinitions(c.var.db, {
      ...scope,
      modelId: model.id,
      ...(query.q?.trim() ? { search: query.q.trim() } : {}),
      page: query.page,
      pageSize: query.pageSize,
    });
    return c.json(
      {
        model: toModel(model),
        versions: model.versions,
        components: {
          items: components.components.map(toComponent),
          totalCount: components.total,
          page: components.page,
          pageSize: components.pageSize,
        },
      },
      200,
    );
  });
};
