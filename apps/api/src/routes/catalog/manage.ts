// PUT and DELETE /api/catalog/designs/{id}: the author's organisation edits the catalog fields or unpublishes; curators may unpublish too.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { unpublishCatalogEntry, updateCatalogFields, userHoldsAnyRole } from "@meshplane/db/queries";
import type { Context } from "hono";
import { actorOf } from "../../actor";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import { providerRoles } from "../../auth/provider-roles";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { publishedEntry } from "./entry";
import { forgetCatalogFacets } from "./facet-cache";
import { CatalogEntryBody, CatalogFieldsBody, toCatalogEntry } from "./schema";

const params = z.object({ id: z.uuid() });

const editRoute = createRoute({
  method: "put",
  path: "/api/catalog/designs/{id}",
  tags: ["catalog"],
  summary: "Edit a published design's catalog fields",
  request: {
    params,
    query: OrgQuery,
    body: {
      content: { "application/json": { schema: CatalogFieldsBody.partial().strict() } },
      required: true,
    },
  },
  responses: {
    200: { description: "The entry", content: { "application/json": { schema: CatalogEntryBody } } },
    ...openApiErrorResponses,
  },
});

const unpublishRoute = createRoute({
  method: "delete",
  path: "/api/catalog/designs/{id}",
  tags: ["catalog"],
  summary: "Unpublish a design (the design itself stays in its workspace)",
  request: { params, query: OrgQuery },
  responses: { 204: { description: "Unpublished" }, ...openApiErrorResponses },
});

/** The entry's organisation must be the caller's, with catalog:publish; otherwise it is as if unpublished. */
async function authorsEntry(c: Context<AppEnv>, id: string, orgId: string | undefined) {
  const access = await requireOrgAccess(c, orgId, "catalog:publish");
  const entry = await publishedEntry(c, id);
  if (entry.organizationId !== access.organization.id) {
    throw new ApiError({
      code: "FORBIDDEN",
      message: "Only the publishing organisation may change this entry",
    });
  }
  return { access, entry };
}

export const registerManageCatalogEntry = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(editRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { access, entry } = await authorsEntry(c, id, orgIdOf(c.req.valid("query")));
    const updated = await updateCatalogFields(c.var.db, {
      id,
      organizationId: entry.organizationId,
      ...c.req.valid("json"),
    });
    if (!updated) throw new ApiError({ code: "NOT_FOUND", message: `No published design ${id}` });
    forgetCatalogFacets();
    await audit(c, {
      organizationId: entry.organizationId,
      actorId: access.userId,
      action: "catalog.entry_edited",
      resourceType: "catalog_entry",
      resourceId: id,
      description: `Edited the catalog fields of "${entry.name}"`,
    });
    return c.json(toCatalogEntry(updated), 200);
  });
  app.openapi(unpublishRoute, async (c) => {
    const { id } = c.req.valid("param");
    const query = c.req.valid("query");
    // Curators may take any entry down; otherwise only its own organisation may.
    const curator = await isCurator(c);
    const { entry, userId } = curator
      ? { entry: await publishedEntry(c, id), userId: curator }
      : await authorsEntry(c, id, orgIdOf(query)).then(({ access, entry }) => ({
          entry,
          userId: access.userId,
        }));
    await unpublishCatalogEntry(c.var.db, { id });
    forgetCatalogFacets();
    await audit(c, {
      organizationId: entry.organizationId,
      actorId: userId,
      action: "catalog.unpublished",
      resourceType: "catalog_entry",
      resourceId: id,
      description: `Unpublished "${entry.name}"`,
    });
    return c.body(null, 204);
  });
};

/** The curator's user id, or undefined for anyone else (anonymous callers included). */
async function isCurator(c: Context<AppEnv>): Promise<string | undefined> {
  const actor = await actorOf(c);
  if (actor.type !== "user") return undefined;
  const holds = await userHoldsAnyRole(c.var.db, { userId: actor.userId, roleKeys: [...providerRoles] });
  return holds ? actor.userId : undefined;
}
