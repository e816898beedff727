// Owns the bytes of the one request a run repeats: encoded once, so the hot path only writes a Buffer.
import type { ResolvedLoadOptions } from "../options";

// Methods whose requests carry a body by convention, so they announce an empty one rather than leave it unsaid.
const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

export function encodeRequest(
  options: Pick<ResolvedLoadOptions, "url" | "method" | "headers" | "cookies" | "body">,
): Buffer {
  const url = new URL(options.url);
  const lines = [`${options.method} ${url.pathname}${url.search} HTTP/1.1`];
  const given = new Set(Object.keys(options.headers).map((name) => name.toLowerCase()));
  // url.host already omits the default port of the scheme, which is what Host must carry.
  if (!given.has("host")) lines.push(`Host: ${url.host}`);
  if (!given.has("user-agent")) lines.push("User-Agent: meshplane-loadgen");
  for (const [name, value] of Object.entries(options.headers)) lines.push(`${name}: ${value}`);
  const cookies = Object.entries(options.cookies);
  if (cookies.length > 0)
    lines.push(`Cookie: ${cookies.map(([name, value]) => `${name}=${value}`).join("; ")}`);
  const body = options.body === undefined ? undefined : Buffer.from(options.body, "utf8");
  if (body !== undefined || METHODS_WITH_BODY.has(options.method)) {
    lines.push(`Content-Length: ${body?.length ?? 0}`);
  }
  const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
  return body === undefined ? head : Buffer.concat([head, body]);
}

/** `depth` views of `depth` back-to-back copies: writing k pipelined requests is one write of batches[k - 1]. */
export function requestBatches(request: Uint8Array, depth: number): Buffer[] {
  const copies = Buffer.alloc(request.length * depth);
  for (let i = 0; i < depth; i++) copies.set(request, i * request.length);
  return Array.from({ length: depth }, (_, i) => copies.subarray(0, (i + 1) * request.length));
}
