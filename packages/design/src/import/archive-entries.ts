// The file names inside tar, gzip-compressed tar and zip archives: enough to tell a Helm chart from a kustomization.

// A chart's Chart.yaml comes first; reading at most this much inflated data bounds a decompression bomb.
const MAX_INFLATED_BYTES = 16 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const BLOCK = 512;

export type ArchiveKind = "tar" | "gzip" | "zip";

export function archiveKind(bytes: Uint8Array): ArchiveKind | undefined {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return "gzip";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "zip";
  if (ascii(bytes, 257, 5) === "ustar") return "tar";
  return undefined;
}

/** Entry names, or undefined when the data is not a readable archive (a gzip of something else, say). */
export async function archiveEntryNames(bytes: Uint8Array): Promise<string[] | undefined> {
  const kind = archiveKind(bytes);
  if (kind === "tar") return tarEntryNames(bytes);
  if (kind === "zip") return zipEntryNames(bytes);
  if (kind === "gzip") {
    const inflated = await inflatedPrefix(bytes, MAX_INFLATED_BYTES);
    return inflated && archiveKind(inflated) === "tar" ? tarEntryNames(inflated) : undefined;
  }
  return undefined;
}

function tarEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  let pendingName: string | undefined;
  // A truncated archive (we may have inflated only its start) just ends the listing.
  for (let offset = 0; offset + BLOCK <= bytes.length && names.length < MAX_ENTRIES; ) {
    const header = bytes.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(ascii(header, 124, 12).trim() || "0", 8);
    if (!Number.isFinite(size) || size < 0) break;
    const type = String.fromCharCode(header[156] ?? 0);
    const data = bytes.subarray(offset + BLOCK, offset + BLOCK + size);
    if (type === "L") pendingName = ascii(data, 0, size);
    else if (type === "x") pendingName = paxPath(ascii(data, 0, size)) ?? pendingName;
    else if (type !== "g") {
      const prefix = ascii(header, 345, 155);
      const name = ascii(header, 0, 100);
      names.push(pendingName ?? (prefix ? `${prefix}/${name}` : name));
      pendingName = undefined;
    }
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return names;
}

// PAX extended headers are "<length> <key>=<value>\n" records; long names come as "path".
function paxPath(records: string): string | undefined {
  return /(?:^|\n)\d+ path=([^\n]*)\n/.exec(records)?.[1];
}

function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KiB.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) return undefined;
  const count = view.getUint16(end + 10, true);
  const names: string[] = [];
  for (let offset = view.getUint32(end + 16, true), n = 0; n < Math.min(count, MAX_ENTRIES); n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(offset + 28, true);
    names.push(new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return names;
}

async function inflatedPrefix(bytes: Uint8Array, limit: number): Promise<Uint8Array | undefined> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  // Node's and the Workers' lib typings disagree on DecompressionStream's chunk types; both accept bytes.
  const gunzip = new DecompressionStream("gzip") as unknown as {
    readable: ReadableStream<Uint8Array>;
    writable: WritableStream<Uint8Array>;
  };
  const reader = source.pipeThrough(gunzip).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
    }
  } catch {
    // Corrupt or truncated compressed data: what inflated so far may still list the first entries.
    if (total === 0) return undefined;
  } finally {
    reader.cancel().catch(() => {});
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  const slice = bytes.subarray(start, start + length);
  const nul = slice.indexOf(0);
  return new TextDecoder().decode(nul === -1 ? slice : slice.subarray(0, nul));
}
