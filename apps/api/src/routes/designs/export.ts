// GET /api/designs/{id}/export: the design as a Meshery design (lossless) or as Kubernetes manifests in apply order.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { type Design, exportKubernetesManifests } from "@meshplane/design";
import { stringify } from "yaml";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { designOf } from "./by-id";
import { DesignParams } from "./schema";

const route = createRoute({
  method: "get",
  path: "/api/designs/{id}/export",
  tags: ["designs"],
  summary: "Download a design",
  request: {
    params: DesignParams,
    query: OrgQuery.extend({ format: z.enum(["design", "manifests"]).default("design") }),
  },
  responses: {
    200: { description: "A YAML file", content: { "application/yaml": { schema: z.string() } } },
    ...openApiErrorResponses,
  },
});

function fileName(name: string, suffix: string): string {
  return `${name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "design"}${suffix}`;
}

export const registerExportDesign = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const access = await requireOrgAccess(c, orgIdOf(query), "designs:read");
    const design = await designOf(c, access.organization.id, c.req.valid("param").id);
    const content = (design.currentRevision?.content ?? {}) as Design;
    const manifests = query.format === "manifests";
    const body = manifests ? exportKubernetesManifests(content) : stringify(content);
    c.header("Content-Type", "application/yaml; charset=utf-8");
    c.header(
      "Content-Disposition",
      `attachment; filename="${fileName(design.name, manifests ? ".manifests.yaml" : ".design.yaml")}"`,
    );
    return c.body(body, 200);
  });
