// POST /api/registry/models/import: a curator uploads a Meshery model (JSON, .tar or .tar.gz) into the registry.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { upsertModelBundle, userHoldsAnyRole } from "@meshplane/db/queries";
import {
  DEFAULT_IMPORT_LIMITS,
  importModel,
  type ModelBundle,
  RegistryInputError,
} from "@meshplane/registry";
import type { Context } from "hono";
import { audit } from "../../auth/audit";
import { requireSignedIn } from "../../auth/authorize";
import { providerRoles } from "../../auth/provider-roles";
import type { AppEnv } from "../../context";
import { ApiError, ErrorEnvelope, openApiErrorResponses } from "../../errors";
import { SEED_HASH_KEY } from "../../seed/registry";
import { ModelBody, toModel } from "./schema";

/** Raw bodies accepted besides multipart: the JSON document or the archive's bytes. */
const rawTypes = [
  "application/json",
  "application/gzip",
  "application/x-gzip",
  "application/x-tar",
  "application/x-compressed-tar",
  "application/octet-stream",
];
const binary = { type: "string", format: "binary" } as const;

const route = createRoute({
  method: "post",
  path: "/api/registry/models/import",
  tags: ["registry"],
  summary: "Import a model: Meshery model JSON, or a model directory as .tar or .tar.gz (curators only)",
  description: `Send the file as the multipart field \`file\`, or as the raw body with its content type. At most ${DEFAULT_IMPORT_LIMITS.maxInputBytes / (1024 * 1024)} MiB, and never more than the API's request body limit.`,
  request: {
    query: z.object({
      filename: z.string().max(255).optional().openapi({ description: "Names a raw body in error messages" }),
    }),
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: { type: "object", properties: { file: binary }, required: ["file"] },
        },
        "application/json": { schema: { type: "object", description: "A Meshery model definition" } },
        ...Object.fromEntries(rawTypes.slice(1).map((type) => [type, { schema: binary }])),
      },
    },
  },
  responses: {
    201: {
      description: "Stored: the model and how many definitions it brought",
      content: {
        "application/json": {
          schema: z
            .object({
              model: ModelBody,
              components: z.number().int(),
              relationships: z.number().int(),
              created: z.boolean().openapi({ description: "False when this name and version was replaced" }),
            })
            .openapi("RegistryImportResult"),
        },
      },
    },
    422: {
      description: "The file is not a model the registry can read; the message names the file and entry",
      content: { "application/json": { schema: ErrorEnvelope } },
    },
    ...openApiErrorResponses,
  },
});

async function requireRegistryCurator(c: Context<AppEnv>): Promise<string> {
  const actor = await requireSignedIn(c);
  if (!(await userHoldsAnyRole(c.var.db, { userId: actor.userId, roleKeys: [...providerRoles] }))) {
    throw new ApiError({
      code: "FORBIDDEN",
      message: "Importing models needs the Curator or Provider Admin role",
    });
  }
  return actor.userId;
}

const tooLarge = () =>
  new ApiError({
    code: "PAYLOAD_TOO_LARGE",
    message: `The model file is larger than ${DEFAULT_IMPORT_LIMITS.maxInputBytes} bytes`,
  });

/** The uploaded bytes and the name to quote in errors, from a multipart form or a raw body. */
async function uploadOf(
  c: Context<AppEnv>,
  filename?: string,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "multipart/form-data") {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw new ApiError({ code: "BAD_REQUEST", message: "The multipart body could not be read" });
    }
    const file = form.get("file");
    if (!(file instanceof File)) {
      throw new ApiError({ code: "BAD_REQUEST", message: "Send the model as the multipart field `file`" });
    }
    if (file.size > DEFAULT_IMPORT_LIMITS.maxInputBytes) throw tooLarge();
    return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || filename || "upload" };
  }
  if (!rawTypes.includes(type)) {
    throw new ApiError({
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: `Send multipart/form-data or one of ${rawTypes.join(", ")}${type ? `, not ${type}` : ""}`,
    });
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > DEFAULT_IMPORT_LIMITS.maxInputBytes) throw tooLarge();
  return { bytes, fileName: filename || "upload" };
}

export const registerImportModel = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    // Who may import is settled before a byte of the body is read.
    const userId = await requireRegistryCurator(c);
    const { bytes, fileName } = await uploadOf(c, c.req.valid("query").filename);
    if (bytes.byteLength === 0) throw new ApiError({ code: "BAD_REQUEST", message: `${fileName} is empty` });
    let bundle: ModelBundle;
    try {
      bundle = await importModel(bytes, { fileName });
    } catch (error) {
      if (error instanceof RegistryInputError) {
        throw new ApiError({ code: "UNPROCESSABLE_ENTITY", message: error.message });
      }
      throw error;
    }
    // The built-in seed's bookkeeping cannot be forged by an upload.
    const { [SEED_HASH_KEY]: _forged, ...metadata } = bundle.model.metadata;
    const stored = await upsertModelBundle(c.var.db, { ...bundle, model: { ...bundle.model, metadata } });
    await audit(c, {
      organizationId: null,
      actorId: userId,
      action: "registry.model.imported",
      resourceType: "model",
      resourceId: stored.model.id,
      description: `Imported model ${stored.model.name} ${stored.model.version} (${stored.components} components, ${stored.relationships} relationships)`,
    });
    return c.json(
      {
        model: toModel({
          ...stored.model,
          componentCount: stored.components,
          relationshipCount: stored.relationships,
        }),
        components: stored.components,
        relationships: stored.relationships,
        created: stored.created,
      },
      201,
    );
  });
