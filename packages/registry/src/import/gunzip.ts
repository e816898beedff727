// Gunzip with a ceiling, through DecompressionStream so it runs the same on Node and Cloudflare Workers.
import { RegistryInputError } from "../definitions";
import { byteSize } from "./import-limits";

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflates `bytes`, stopping (and refusing) as soon as the output passes `maxBytes`: a bomb never lands in memory. */
export async function gunzipBounded(bytes: Uint8Array, maxBytes: number, file: string): Promise<Uint8Array> {
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  // Workers' and Node's stream typings disagree on DecompressionStream's generics; at run time both fit.
  const gunzip = new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>;
  const reader = input.pipeThrough(gunzip).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = await reader.read().catch((error: unknown) => {
      throw new RegistryInputError(`is not a valid gzip stream (${(error as Error).message})`, file);
    });
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new RegistryInputError(`unpacks to more than ${byteSize(maxBytes)}`, file);
    }
    chunks.push(chunk.value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
