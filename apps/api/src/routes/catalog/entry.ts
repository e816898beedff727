// GET /api/catalog/designs/{id} and .../download: one published design for anyone, counting views and downloads.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { countCatalogUse, getCatalogEntry } from "@meshplane/db/queries";
import { type Design, exportKubernetesManifests } from "@meshplane/design";
import type { Context } from "hono";
import { stringify } from "yaml";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { CatalogEntryBody, toCatalogEntry } from "./schema";

const params = z.object({ id: z.uuid() });

const getRoute = createRoute({
  method: "get",
  path: "/api/catalog/designs/{id}",
  tags: ["catalog"],
  summary: "A published design with its frozen content",
  request: { params },
  responses: {
    200: {
      description: "The entry and the design as published",
      content: {
        "application/json": {
          schema: CatalogEntryBody.extend({ design: z.record(z.string(), z.unknown()) }),
        },
      },
    },
    ...openApiErrorResponses,
  },
});

const downloadRoute = createRoute({
  method: "get",
  path: "/api/catalog/designs/{id}/download",
  tags: ["catalog"],
  summary: "Download a published design",
  request: { params, query: z.object({ format: z.enum(["design", "manifests"]).default("design") }) },
  responses: {
    200: { description: "A YAML file", content: { "application/yaml": { schema: z.string() } } },
    ...openApiErrorResponses,
  },
});

export async function publishedEntry(c: Context<AppEnv>, id: string) {
  const entry = await getCatalogEntry(c.var.db, { id });
  if (!entry) throw new ApiError({ code: "NOT_FOUND", message: `No published design ${id}` });
  return entry;
}

export const registerCatalogEntry = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(getRoute, async (c) => {
    const entry = await publishedEntry(c, c.req.valid("param").id);
    await countCatalogUse(c.var.db, { id: entry.id, counter: "viewCount" });
    // This view counts too: the answer shows the counter after it.
    return c.json(
      { ...toCatalogEntry({ ...entry, viewCount: entry.viewCount + 1 }), design: entry.content },
      200,
    );
  });
  app.openapi(downloadRoute, async (c) => {
    const entry = await publishedEntry(c, c.req.valid("param").id);
    const manifests = c.req.valid("query").format === "manifests";
    await countCatalogUse(c.var.db, { id: entry.id, counter: "downloadCount" });
    const body = manifests ? exportKubernetesManifests(entry.content as Design) : stringify(entry.content);
    const base = entry.name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "design";
    c.header("Content-Type", "application/yaml; charset=utf-8");
    c.header(
      "Content-Disposition",
      `attachment; filename="${base}${manifests ? ".manifests" : ".design"}.yaml"`,
    );
    return c.body(body, 200);
  });
};
