// Meshery's `persist-meshery-patterns`: Meshery Server saves, lists, reads and deletes designs here (patternFile is YAML).
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  createDesign,
  type Design,
  type DesignRevision,
  deleteDesign,
  getDesign,
  listDesigns,
  listOrganizationsForUser,
  saveDesignRevision,
  updateDesign,
} from "@meshplane/db/queries";
import type { Context } from "hono";
import { parse, stringify } from "yaml";
import { type OrgAccess, requireOrgAccess, requireSignedIn } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { evaluated, validDesign } from "./pipeline";

const path = "/api/content/patterns";
const Org = z.object({ orgId: z.uuid().optional(), orgID: z.uuid().optional() });
const Json = z.record(z.string(), z.unknown());
const json = (description: string) => ({ description, content: { "application/json": { schema: Json } } });

/** Meshery names no organisation: the given one, else the token's, else the caller's personal one. */
async function access(
  c: Context<AppEnv>,
  query: z.infer<typeof Org>,
  key: "designs:read" | "designs:write",
): Promise<OrgAccess> {
  const actor = await requireSignedIn(c);
  const given = query.orgId ?? query.orgID ?? (actor.type === "apiToken" ? actor.organizationId : undefined);
  const personal = given
    ? undefined
    : (await listOrganizationsForUser(c.var.db, { userId: actor.userId })).find((o) => o.personal)?.id;
  return requireOrgAccess(c, given ?? personal, key);
}

function toPattern(design: Design, revision: DesignRevision | null) {
  return {
    id: design.id,
    name: design.name,
    user_id: design.ownerId,
    pattern_file: revision ? stringify(revision.content) : "",
    patternFile: revision ? stringify(revision.content) : "",
    visibility: design.visibility,
    type: { String: design.sourceType, Valid: true },
    created_at: design.createdAt.toISOString(),
    updated_at: design.updatedAt.toISOString(),
  };
}

const SaveBody = z
  .object({
    pattern_data: z
      .object({
        id: z.uuid().optional(),
        name: z.string().max(255).optional(),
        pattern_file: z.string().max(5_000_000).optional(),
        patternFile: z.string().max(5_000_000).optional(),
      })
      .loose(),
    save: z.boolean().optional(),
  })
  .loose();

const routes = {
  list: createRoute({
    method: "get",
    path,
    tags: ["meshery provider"],
    summary: "List designs (Meshery patterns)",
    request: {
      query: Org.extend({
        page: z.coerce.number().int().min(0).max(100_000).default(0),
        pagesize: z.coerce.number().int().min(1).max(100).default(25),
        search: z.string().max(200).optional(),
      }),
    },
    responses: { 200: json("A MesheryPatternPage"), ...openApiErrorResponses },
  }),
  save: createRoute({
    method: "post",
    path,
    tags: ["meshery provider"],
    summary: "Save a design (Meshery pattern)",
    request: { query: Org, body: { content: { "application/json": { schema: SaveBody } }, required: true } },
    responses: { 200: json("The saved patterns"), ...openApiErrorResponses },
  }),
  get: createRoute({
    method: "get",
    path: `${path}/{id}`,
    tags: ["meshery provider"],
    summary: "Get a design (Meshery pattern)",
    request: { params: z.object({ id: z.uuid() }), query: Org },
    responses: { 200: json("The pattern"), ...openApiErrorResponses },
  }),
  remove: createRoute({
    method: "delete",
    path: `${path}/{id}`,
    tags: ["meshery provider"],
    summary: "Delete a design (Meshery pattern)",
    request: { params: z.object({ id: z.uuid() }), query: Org },
    responses: { 200: json("Deleted"), ...openApiErrorResponses },
  }),
};

export const patternsCapability = { feature: "persist-meshery-patterns", endpoint: path };

export const registerMesheryPatterns = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(routes.list, async (c) => {
    const query = c.req.valid("query");
    const { organization } = await access(c, query, "designs:read");
    const page = await listDesigns(c.var.db, {
      organizationId: organization.id,
      ...(query.search ? { search: query.search } : {}),
      page: query.page,
      pageSize: query.pagesize,
    });
    const patterns = await Promise.all(
      page.designs.map(async (d) =>
        toPattern(
          d,
          (await getDesign(c.var.db, { organizationId: organization.id, id: d.id }))?.currentRevision ?? null,
        ),
      ),
    );
    return c.json(
      {
        page: page.page,
        page_size: page.pageSize,
        total_count: page.total,
        patterns,
        resultType: "patterns",
      },
      200,
    );
  });
  app.openapi(routes.save, async (c) => {
    const { organization, userId } = await access(c, c.req.valid("query"), "designs:write");
    const { pattern_data: data } = c.req.valid("json");
    const text = data.pattern_file ?? data.patternFile ?? "";
    let parsed: unknown;
    try {
      parsed = parse(text, { maxAliasCount: 100 });
    } catch (error) {
      throw new ApiError({
        code: "UNPROCESSABLE_ENTITY",
        message: `pattern_file is not valid YAML: ${(error as Error).message}`,
      });
    }
    const design = validDesign(parsed);
    if (data.name) design.name = data.name;
    const content = evaluated(design).design;
    const existing = data.id
      ? await getDesign(c.var.db, { organizationId: organization.id, id: data.id })
      : undefined;
    if (existing) {
      await saveDesignRevision(c.var.db, {
        organizationId: organization.id,
        designId: existing.id,
        content,
        message: "Saved from Meshery",
        authorId: userId,
      });
      if (data.name && data.name !== existing.name)
        await updateDesign(c.var.db, { organizationId: organization.id, id: existing.id, name: data.name });
      const saved = await getDesign(c.var.db, { organizationId: organization.id, id: existing.id });
      return c.json({ patterns: saved ? [toPattern(saved, saved.currentRevision)] : [] }, 200);
    }
    const created = await createDesign(c.var.db, {
      organizationId: organization.id,
      ownerId: userId,
      name: content.name,
      content,
      message: "Saved from Meshery",
    });
    return c.json({ patterns: [toPattern(created.design, created.revision)] }, 200);
  });
  app.openapi(routes.get, async (c) => {
    const { organization } = await access(c, c.req.valid("query"), "designs:read");
    const design = await getDesign(c.var.db, {
      organizationId: organization.id,
      id: c.req.valid("param").id,
    });
    if (!design) throw new ApiError({ code: "NOT_FOUND", message: `No design ${c.req.valid("param").id}` });
    return c.json(toPattern(design, design.currentRevision), 200);
  });
  app.openapi(routes.remove, async (c) => {
    const { organization } = await access(c, c.req.valid("query"), "designs:write");
    const { id } = c.req.valid("param");
    if (!(await deleteDesign(c.var.db, { organizationId: organization.id, id }))) {
      throw new ApiError({ code: "NOT_FOUND", message: `No design ${id}` });
    }
    return c.json({ id, deleted: true }, 200);
  });
};
