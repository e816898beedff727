// A curator's model upload, sent to the API's model import as the file's own bytes.
import { z } from "zod";
import { callApi } from "./api-client";

/** The API's limit for a model import; the web refuses larger files before sending them. */
export const MODEL_UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

const importedSchema = z.looseObject({
  model: z.looseObject({ name: z.string(), displayName: z.string().optional(), version: z.string() }),
  components: z.number(),
  relationships: z.number(),
});
export type ImportedModel = z.infer<typeof importedSchema>;

/** The content type the API reads a file as, from its name; null for a name it does not take. */
export function uploadTypeOf(filename: string): string | null {
  const name = filename.toLowerCase();
  if (name.endsWith(".json")) return "application/json";
  if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) return "application/gzip";
  if (name.endsWith(".tar")) return "application/x-tar";
  return null;
}

export function importModelFile(
  token: string,
  file: { name: string; bytes: ArrayBuffer; contentType: string },
): Promise<ImportedModel> {
  return callApi(token, "/api/registry/models/import", importedSchema, {
    method: "POST",
    query: { filename: file.name.slice(0, 255) },
    raw: { bytes: file.bytes, contentType: file.contentType },
    // Twenty megabytes of archive take a while to unpack and store.
    timeoutMs: 120_000,
  });
}
