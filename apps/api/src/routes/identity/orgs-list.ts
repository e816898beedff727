// GET /api/identity/orgs: the organisations the caller belongs to, in Meshery's page shape.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listOrganizationsForUser } from "@meshplane/db/queries";
import { requireSignedIn } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { OrganizationBody, PageQuery, toOrganization } from "./schema";

const OrganizationPage = z
  .object({
    page: z.number().int(),
    pageSize: z.number().int(),
    totalCount: z.number().int(),
    organizations: z.array(OrganizationBody),
  })
  .openapi("OrganizationPage");

const route = createRoute({
  method: "get",
  path: "/api/identity/orgs",
  tags: ["identity"],
  summary: "List my organisations",
  request: { query: PageQuery },
  responses: {
    200: {
      description: "A page of organisations",
      content: { "application/json": { schema: OrganizationPage } },
    },
    ...openApiErrorResponses,
  },
});

export const organizationsCapability = { feature: "organizations", endpoint: "/api/identity/orgs" };

export const registerListOrganizations = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const actor = await requireSignedIn(c);
    const { page, pagesize, search } = c.req.valid("query");
    const needle = search?.toLowerCase();
    const all = (await listOrganizationsForUser(c.var.db, { userId: actor.userId })).filter(
      (org) =>
        (actor.type !== "apiToken" || org.id === actor.organizationId) &&
        (!needle || org.name.toLowerCase().includes(needle)),
    );
    const organizations = all.slice(page * pagesize, (page + 1) * pagesize).map(toOrganization);
    return c.json({ page, pageSize: pagesize, totalCount: all.length, organizations }, 200);
  });
