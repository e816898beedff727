// One entry for model uploads: tells JSON from tar and tar.gz by their first bytes and imports accordingly.
import { type ModelBundle, RegistryInputError } from "../definitions";
import { isGzip } from "./gunzip";
import type { ImportLimits } from "./import-limits";
import { importModelArchive } from "./model-archive";
import { importModelJson } from "./model-json";
import { isTar } from "./ustar";

function startsLikeJson(bytes: Uint8Array): boolean {
  for (const byte of bytes.subarray(0, 64)) {
    if (byte === 0x7b) return true;
    // Whitespace and a UTF-8 byte order mark may precede the opening brace.
    if (![0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf].includes(byte)) return false;
  }
  return false;
}

export async function importModel(
  bytes: Uint8Array,
  options: { fileName?: string; limits?: Partial<ImportLimits> } = {},
): Promise<ModelBundle> {
  if (isGzip(bytes) || isTar(bytes)) return importModelArchive(bytes, options);
  if (startsLikeJson(bytes)) return importModelJson(bytes, options);
  throw new RegistryInputError(
    "is not a model: expected JSON, .tar or .tar.gz",
    options.fileName ?? "upload",
  );
}
