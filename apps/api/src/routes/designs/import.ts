// POST /api/designs/import: a file, pasted text or a URL in any supported format becomes an evaluated design.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createDesign } from "@meshplane/db/queries";
import type { DesignSourceType } from "@meshplane/db/schema";
import { fetchDesignSource, importDesignSource, type SourceFormat } from "@meshplane/design";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import { encodeBase64 } from "../../auth/config";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { evaluated, validDesign } from "./pipeline";
import { DesignBody, toDesign } from "./schema";

const MAX_SOURCE_CHARS = 5 * 1024 * 1024;

const Body = z
  .object({
    orgId: z.uuid(),
    workspaceId: z.uuid().optional(),
    name: z.string().trim().min(1).max(255).optional(),
    filename: z.string().max(255).optional(),
    content: z.string().max(MAX_SOURCE_CHARS).optional().openapi({ description: "The file's text" }),
    contentBase64: z
      .string()
      .max(Math.ceil((MAX_SOURCE_CHARS * 4) / 3) + 4)
      .optional()
      .openapi({ description: "A binary file (a .tgz), base64-encoded" }),
    url: z.url().max(2048).optional().openapi({ description: "Fetched from a public address only" }),
  })
  .strict()
  .refine(
    (body) => [body.content, body.contentBase64, body.url].filter((v) => v !== undefined).length === 1,
    {
      message: "give exactly one of content, contentBase64 or url",
    },
  )
  .openapi("DesignImport");

const Problem = z.object({
  document: z.number().int().optional(),
  line: z.number().int().optional(),
  message: z.string(),
});

const route = createRoute({
  method: "post",
  path: "/api/designs/import",
  tags: ["designs"],
  summary: "Import a Meshery design, Kubernetes manifests or a Compose file",
  request: { body: { content: { "application/json": { schema: Body } }, required: true } },
  responses: {
    201: {
      description: "The imported design, evaluated, with the importer's warnings",
      content: {
        "application/json": {
          schema: z.object({ design: DesignBody, format: z.string(), warnings: z.array(Problem) }),
        },
      },
    },
    ...openApiErrorResponses,
  },
});

const sourceTypeOf: Record<SourceFormat, DesignSourceType> = {
  "meshery-design": "Design",
  "kubernetes-manifests": "Kubernetes Manifest",
  "docker-compose": "Docker Compose",
  "helm-chart": "Helm Chart",
  kustomization: "Kubernetes Manifest",
  unknown: "Design",
};

function describe(problem: { document?: number; line?: number; message: string }): string {
  const where = [
    problem.document ? `document ${problem.document}` : "",
    problem.line ? `line ${problem.line}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return where ? `${where}: ${problem.message}` : problem.message;
}

function decodeBase64(value: string): Uint8Array {
  try {
    return Uint8Array.from(atob(value), (char) => char.charCodeAt(0));
  } catch {
    throw new ApiError({ code: "BAD_REQUEST", message: "contentBase64 is not valid base64" });
  }
}

export const registerImportDesign = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const access = await requireOrgAccess(c, body.orgId, "designs:write");
    let content: string | Uint8Array;
    let filename = body.filename;
    if (body.url) {
      const fetched = await fetchDesignSource(body.url);
      if (!fetched.ok)
        throw new ApiError({
          code: "UNPROCESSABLE_ENTITY",
          message: `Could not fetch the URL: ${fetched.message}`,
        });
      content = fetched.content;
      filename ??= fetched.filename;
    } else {
      content = body.content ?? decodeBase64(body.contentBase64 ?? "");
    }
    const imported = await importDesignSource({
      content,
      ...(filename ? { filename } : {}),
      ...(body.name ? { name: body.name } : {}),
    });
    if (!imported.ok) {
      throw new ApiError({
        code: "UNPROCESSABLE_ENTITY",
        message: `The ${imported.format === "unknown" ? "file" : imported.format} could not be imported: ${imported.errors.slice(0, 10).map(describe).join("; ")}`,
      });
    }
    const result = evaluated(validDesign(imported.design));
    const { design: row, revision } = await createDesign(c.var.db, {
      organizationId: access.organization.id,
      workspaceId: body.workspaceId ?? null,
      ownerId: access.userId,
      name: result.design.name,
      sourceType: sourceTypeOf[imported.format],
      content: result.design,
      sourceContent: typeof content === "string" ? content : encodeBase64(content),
      message: `Imported from ${body.url ?? filename ?? imported.format}`,
    });
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: "design.imported",
      resourceType: "design",
      resourceId: row.id,
      description: `Imported design "${row.name}" (${imported.format})`,
    });
    return c.json(
      { design: toDesign(row, revision), format: imported.format, warnings: imported.warnings },
      201,
    );
  });
