// GET /api/designs: the organisation's designs, newest first, searchable by name, filtered by workspace.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listDesigns } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { PageQuery } from "../identity/schema";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { DesignSummaryBody, toDesignSummary } from "./schema";

const DesignPage = z
  .object({
    designs: z.array(DesignSummaryBody),
    totalCount: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi("DesignPage");

const route = createRoute({
  method: "get",
  path: "/api/designs",
  tags: ["designs"],
  summary: "List designs",
  request: { query: PageQuery.extend(OrgQuery.shape).extend({ workspaceId: z.uuid().optional() }) },
  responses: {
    200: { description: "A page of designs", content: { "application/json": { schema: DesignPage } } },
    ...openApiErrorResponses,
  },
});

export const registerListDesigns = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const access = await requireOrgAccess(c, orgIdOf(query), "designs:read");
    const page = await listDesigns(c.var.db, {
      organizationId: access.organization.id,
      ...(query.search ? { search: query.search } : {}),
      ...(query.workspaceId ? { workspaceId: query.workspaceId } : {}),
      page: query.page,
      pageSize: query.pagesize,
    });
    return c.json(
      {
        designs: page.designs.map(toDesignSummary),
        totalCount: page.total,
        page: page.page,
        pageSize: page.pageSize,
      },
      200,
    );
  });
