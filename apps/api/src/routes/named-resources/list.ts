// GET <path>: a page of the organisation's resources, searchable by name.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { PageQuery } from "../identity/schema";
import { NamedResourceBody, type NamedResourceSpec, OrgQuery, orgIdOf, toNamedResource } from "./spec";

export function registerListNamed(app: OpenAPIHono<AppEnv>, spec: NamedResourceSpec) {
  const Page = z
    .object({
      page: z.number().int(),
      pageSize: z.number().int(),
      totalCount: z.number().int(),
      [spec.plural]: z.array(NamedResourceBody),
    })
    .openapi(`${spec.singular[0]?.toUpperCase()}${spec.singular.slice(1)}Page`);
  const route = createRoute({
    method: "get",
    path: spec.path,
    tags: [spec.tag],
    summary: `List ${spec.plural}`,
    request: { query: PageQuery.extend(OrgQuery.shape) },
    responses: {
      200: { description: `A page of ${spec.plural}`, content: { "application/json": { schema: Page } } },
      ...openApiErrorResponses,
    },
  });
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const access = await requireOrgAccess(c, orgIdOf(query), spec.read);
    const needle = query.search?.toLowerCase();
    const rows = (await spec.queries.list(c.var.db, { organizationId: access.organization.id })).filter(
      (row) => !needle || row.name.toLowerCase().includes(needle),
    );
    const slice = rows.slice(query.page * query.pagesize, (query.page + 1) * query.pagesize);
    return c.json(
      {
        page: query.page,
        pageSize: query.pagesize,
        totalCount: rows.length,
        [spec.plural]: slice.map(toNamedResource),
      },
      200,
    );
  });
}
