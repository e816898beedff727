// The body and file name of a fetched response, read no further than the size limit.

/** The body, or undefined once it is known to exceed maxBytes: from Content-Length, or while it streams. */
export async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const content = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    content.set(chunk, at);
    at += chunk.byteLength;
  }
  return content;
}

/** The name format detection may use: Content-Disposition's, else the URL's last segment; never a path. */
export function filenameOf(disposition: string | null, url: URL): string | undefined {
  const encoded = disposition && /filename\*\s*=\s*(?:UTF-8'[^']*')?([^;]+)/i.exec(disposition)?.[1];
  const plain = disposition && /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1];
  let name = encoded ?? plain ?? url.pathname.split("/").at(-1) ?? "";
  try {
    name = decodeURIComponent(name.trim());
  } catch {
    // Keep the name as sent when it is not valid percent-encoding.
  }
  return name.split(/[\\/]/).at(-1) || undefined;
}
