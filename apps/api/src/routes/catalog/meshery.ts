// Meshery's `meshery-patterns-catalog` feature: GET lists published designs as MesheryPatterns; POST asks to publish, DELETE unpublishes.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  getCatalogEntryForDesign,
  listOrganizationsForUser,
  requestPublication,
  searchCatalog,
  unpublishCatalogEntry,
} from "@meshplane/db/queries";
import { requireOrgAccess, requireSignedIn } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { forgetCatalogFacets } from "./facet-cache";
import { catalogTypes } from "./schema";

const path = "/api/catalog/content/pattern";

const listRoute = createRoute({
  method: "get",
  path,
  tags: ["meshery provider"],
  summary: "Published designs as Meshery patterns",
  request: {
    query: z.object({
      page: z.coerce.number().int().min(0).max(10_000).default(0),
      pagesize: z.coerce.number().int().min(1).max(100).default(25),
      search: z.string().max(200).optional(),
    }),
  },
  responses: {
    200: {
      description: "A MesheryPatternPage",
      content: {
        "application/json": { schema: z.record(z.string(), z.unknown()).openapi("MesheryPatternPage") },
      },
    },
    ...openApiErrorResponses,
  },
});

const CatalogRequest = z
  .object({
    id: z.uuid(),
    catalog_data: z
      .object({
        type: z.enum(catalogTypes).default("Deployment"),
        compatibility: z.array(z.string()).optional(),
        patternCaveats: z.string().max(5000).optional(),
        patternInfo: z.string().max(5000).optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

const writeRoute = (method: "post" | "delete") =>
  createRoute({
    method,
    path,
    tags: ["meshery provider"],
    summary:
      method === "post"
        ? "Ask to publish a design (Meshery's publish)"
        : "Unpublish a design (Meshery's unpublish)",
    request: { body: { content: { "application/json": { schema: CatalogRequest } }, required: true } },
    responses: {
      200: {
        description: "Done",
        content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
      },
      ...openApiErrorResponses,
    },
  });

export const patternsCatalogCapability = { feature: "meshery-patterns-catalog", endpoint: path };

export const registerMesheryCatalog = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const page = await searchCatalog(c.var.db, {
      ...(query.search ? { search: query.search } : {}),
      page: query.page,
      pageSize: query.pagesize,
    });
    const patterns = page.entries.map((entry) => ({
      id: entry.designId,
      name: entry.name,
      visibility: "published",
      catalog_data: {
        type: entry.type,
        compatibility: [entry.technology],
        patternCaveats: entry.caveats,
        patternInfo: entry.info || entry.description,
        publishedVersion: entry.publishedVersion,
        class: entry.class,
      },
      view_count: entry.viewCount,
      download_count: entry.downloadCount,
      clone_count: entry.cloneCount,
      deployment_count: entry.deploymentCount,
      created_at: entry.publishedAt.toISOString(),
      updated_at: entry.updatedAt.toISOString(),
    }));
    // Older Meshery Servers read snake_case page fields, newer camelCase: both are sent.
    return c.json(
      {
        page: page.page,
        page_size: page.pageSize,
        pageSize: page.pageSize,
        total_count: page.total,
        totalCount: page.total,
        patterns,
        resultType: "patterns",
      },
      200,
    );
  });
  app.openapi(writeRoute("post"), async (c) => {
    const actor = await requireSignedIn(c);
    const body = c.req.valid("json");
    const data = body.catalog_data ?? { type: "Deployment" as const };
    // Meshery names the design only: find the caller's organisation that holds it.
    for (const org of await listOrganizationsForUser(c.var.db, { userId: actor.userId })) {
      const access = await requireOrgAccess(c, org.id, "catalog:publish").catch(() => undefined);
      if (!access) continue;
      const request = await requestPublication(c.var.db, {
        organizationId: org.id,
        designId: body.id,
        requestedById: actor.userId,
        type: data.type,
        technology: data.compatibility?.[0] ?? "kubernetes",
        caveats: data.patternCaveats ?? "",
        info: data.patternInfo ?? "",
      }).catch((error: unknown) => {
        if (error instanceof Error && error.message === "design not found") return undefined;
        throw error;
      });
      if (request) return c.json({ id: request.id, status: request.status }, 200);
    }
    throw new ApiError({ code: "NOT_FOUND", message: `No design ${body.id} you may publish` });
  });
  app.openapi(writeRoute("delete"), async (c) => {
    const actor = await requireSignedIn(c);
    const body = c.req.valid("json");
    for (const org of await listOrganizationsForUser(c.var.db, { userId: actor.userId })) {
      if (!(await requireOrgAccess(c, org.id, "catalog:publish").catch(() => undefined))) continue;
      const entry = await getCatalogEntryForDesign(c.var.db, { designId: body.id, organizationId: org.id });
      if (entry && (await unpublishCatalogEntry(c.var.db, { id: entry.id, organizationId: org.id }))) {
        forgetCatalogFacets();
        return c.json({ id: body.id, unpublished: true }, 200);
      }
    }
    throw new ApiError({ code: "NOT_FOUND", message: `No published design ${body.id} you may unpublish` });
  });
};
