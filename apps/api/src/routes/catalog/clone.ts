// POST /api/catalog/designs/{id}/clone: copies a published design into one of the caller's organisations, in one click.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { countCatalogUse, createDesign } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { DesignBody, toDesign } from "../designs/schema";
import { publishedEntry } from "./entry";

const route = createRoute({
  method: "post",
  path: "/api/catalog/designs/{id}/clone",
  tags: ["catalog"],
  summary: "Clone a published design into a workspace",
  request: {
    params: z.object({ id: z.uuid() }),
    body: {
      content: {
        "application/json": {
          schema: z
            .object({
              orgId: z.uuid(),
              workspaceId: z.uuid().optional(),
              name: z.string().trim().min(1).max(255).optional(),
            })
            .strict(),
        },
      },
      required: true,
    },
  },
  responses: {
    201: { description: "The caller's new design", content: { "application/json": { schema: DesignBody } } },
    ...openApiErrorResponses,
  },
});

export const registerCloneCatalogDesign = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const access = await requireOrgAccess(c, body.orgId, "designs:write");
    const entry = await publishedEntry(c, c.req.valid("param").id);
    const name = body.name ?? entry.name;
    // A clone is a new design: new id, the caller's name, history starting at revision 1.
    const content = { ...entry.content, id: crypto.randomUUID(), name };
    const { design, revision } = await createDesign(c.var.db, {
      organizationId: access.organization.id,
      workspaceId: body.workspaceId ?? null,
      ownerId: access.userId,
      name,
      description: entry.description,
      content,
      message: `Cloned from the catalog (${entry.name} ${entry.publishedVersion})`,
    });
    await countCatalogUse(c.var.db, { id: entry.id, counter: "cloneCount" });
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: "design.cloned",
      resourceType: "design",
      resourceId: design.id,
      description: `Cloned "${entry.name}" from the catalog`,
      metadata: { catalogEntryId: entry.id },
    });
    return c.json(toDesign(design, revision), 201);
  });
