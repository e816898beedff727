// GET /api/integrations/credentials: the organisation's credentials, without secrets.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listCredentials } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { PageQuery } from "../identity/schema";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { CredentialBody, toCredential } from "./schema";

const CredentialPage = z
  .object({
    credentials: z.array(CredentialBody),
    totalCount: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi("CredentialPage");

const route = createRoute({
  method: "get",
  path: "/api/integrations/credentials",
  tags: ["credentials"],
  summary: "List credentials",
  request: { query: PageQuery.extend(OrgQuery.shape) },
  responses: {
    200: {
      description: "A page of credentials",
      content: { "application/json": { schema: CredentialPage } },
    },
    ...openApiErrorResponses,
  },
});

export const registerListCredentials = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const access = await requireOrgAccess(c, orgIdOf(query), "credentials:read");
    const needle = query.search?.toLowerCase();
    const rows = (await listCredentials(c.var.db, { organizationId: access.organization.id })).filter(
      (row) => !needle || row.name.toLowerCase().includes(needle),
    );
    const page = rows.slice(query.page * query.pagesize, (query.page + 1) * query.pagesize);
    return c.json(
      {
        credentials: page.map((row) => toCredential(row)),
        totalCount: rows.length,
        page: query.page,
        pageSize: query.pagesize,
      },
      200,
    );
  });
