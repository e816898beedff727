// GET /api/catalog/designs: the public catalog, for anyone: full-text search, facets with counts, sorting, paging.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { type CatalogQuery as CatalogFilter, searchCatalog } from "@meshplane/db/queries";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { cachedCatalogCounts, cachedCatalogPage } from "./facet-cache";
import { CatalogEntryBody, toCatalogEntry } from "./schema";

// A facet may repeat (?type=Security&type=Scaling); one value arrives as a string.
const many = z
  .union([z.string().max(100), z.array(z.string().max(100)).max(20)])
  .optional()
  .transform((value) => (value === undefined ? undefined : [value].flat()));

export const CatalogQuery = z.object({
  search: z.string().max(200).optional(),
  type: many,
  technology: many,
  class: many,
  model: many,
  category: many,
  sort: z.enum(["recent", "popular"]).default("recent"),
  page: z.coerce.number().int().min(0).max(10_000).default(0),
  pagesize: z.coerce.number().int().min(1).max(100).default(24),
});

const Facet = z.array(z.object({ value: z.string(), count: z.number().int() }));
const CatalogPage = z
  .object({
    entries: z.array(CatalogEntryBody),
    totalCount: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    facets: z.object({ type: Facet, technology: Facet, class: Facet, model: Facet, category: Facet }),
  })
  .openapi("CatalogPage");

const route = createRoute({
  method: "get",
  path: "/api/catalog/designs",
  tags: ["catalog"],
  summary: "Browse and search the public catalog",
  request: { query: CatalogQuery },
  responses: {
    200: {
      description: "A page of published designs",
      content: { "application/json": { schema: CatalogPage } },
    },
    ...openApiErrorResponses,
  },
});

export const registerBrowseCatalog = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const filters: CatalogFilter = {
      ...(query.search?.trim() ? { search: query.search.trim() } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.technology ? { technology: query.technology } : {}),
      ...(query.class ? { class: query.class } : {}),
      ...(query.model ? { model: query.model } : {}),
      ...(query.category ? { category: query.category } : {}),
      sort: query.sort,
      page: query.page,
      pageSize: query.pagesize,
    };
    // Kept serialised: most answers come from the cache, and serialising was most of their cost.
    const cached = await cachedCatalogPage(new URL(c.req.url).search, async () => {
      const [page, counts] = await Promise.all([
        searchCatalog(c.var.db, filters, { withTotal: false }),
        cachedCatalogCounts(c.var.db, filters),
      ]);
      const answer: z.infer<typeof CatalogPage> = {
        entries: page.entries.map(toCatalogEntry),
        totalCount: counts.total,
        page: page.page,
        pageSize: page.pageSize,
        facets: counts.facets,
      };
      return JSON.stringify(answer);
    });
    // Public and the same for everyone: shared caches may keep it briefly.
    c.header("Cache-Control", "public, max-age=30");
    c.header("Content-Type", "application/json");
    c.header("Vary", "Accept-Encoding");
    // A page is about four times smaller gzipped. Workers compress at the edge themselves, so only Node does it here.
    if (c.var.info.runtime === "node" && /\bgzip\b/.test(c.req.header("accept-encoding") ?? "")) {
      c.header("Content-Encoding", "gzip");
      return c.body(await cached.gzip(), 200) as never;
    }
    return c.body(cached.json, 200) as never;
  });
