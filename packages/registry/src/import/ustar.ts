// A small reader of POSIX ustar archives (with pax and GNU long names): regular files only, every name checked.
import { RegistryInputError } from "../definitions";
import { byteSize, type ImportLimits } from "./import-limits";

const BLOCK = 512;

export type TarFile = { path: string; data: Uint8Array };

export function isTar(bytes: Uint8Array): boolean {
  return bytes.length >= BLOCK && ascii(bytes, 257, 5) === "ustar";
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let text = "";
  for (let i = start; i < start + length && i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0) break;
    text += String.fromCharCode(byte);
  }
  return text;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function text(bytes: Uint8Array, archive: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new RegistryInputError("has an entry name that is not UTF-8", archive);
  }
}

function nulTerminated(bytes: Uint8Array): Uint8Array {
  const end = bytes.indexOf(0);
  return end < 0 ? bytes : bytes.subarray(0, end);
}

/** Octal number field; base-256 fields (the high bit set) only encode sizes far beyond our limits. */
function octal(header: Uint8Array, start: number, length: number, archive: string, what: string): number {
  if ((header[start] ?? 0) & 0x80)
    throw new RegistryInputError(`declares an entry ${what} too large to read`, archive);
  const digits = ascii(header, start, length).trim();
  if (!/^[0-7]*$/.test(digits))
    throw new RegistryInputError(`has a corrupt tar header (${what} "${digits}")`, archive);
  return digits ? Number.parseInt(digits, 8) : 0;
}

/** Headers sum their bytes with the checksum field read as spaces; old tars summed signed bytes. */
function checksumMatches(header: Uint8Array, stored: number): boolean {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}

/**
 * A safe relative path, or a refusal: no absolute paths, drive letters, backslashes, NULs or `..` segments.
 * We never write entries to disk, but a name that tries to escape says the archive is not what it claims.
 */
export function safeEntryPath(name: string, archive: string): string {
  const refuse = (why: string) => new RegistryInputError(`entry "${name}" ${why}`, archive);
  if (name.includes("\0")) throw refuse("contains a NUL character");
  if (name.includes("\\")) throw refuse("contains a backslash");
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) throw refuse("is an absolute path");
  const segments = name.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.includes("..")) throw refuse("climbs out of the archive with ..");
  if (!segments.length) throw refuse("has an empty name");
  return segments.join("/");
}

function paxRecords(data: Uint8Array, archive: string): Map<string, string> {
  const records = new Map<string, string>();
  for (const line of text(data, archive).split("\n")) {
    const match = /^\d+ ([^=]+)=(.*)$/s.exec(line);
    if (match?.[1]) records.set(match[1], match[2] ?? "");
  }
  return records;
}

/** The regular files of a tar archive, in order. Links, devices and unknown entry types are refused. */
export function readTar(bytes: Uint8Array, limits: ImportLimits, archive: string): TarFile[] {
  if (!isTar(bytes)) throw new RegistryInputError("is not a tar archive (no ustar header)", archive);
  const files: TarFile[] = [];
  const seen = new Set<string>();
  let entries = 0;
  let unpacked = 0;
  let longName: string | undefined;
  let paxPath: string | undefined;
  let paxSize: number | undefined;
  let offset = 0;
  while (offset + BLOCK <= bytes.length) {
    const header = bytes.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) return files;
    if (++entries > limits.maxEntries) {
      throw new RegistryInputError(`has more than ${limits.maxEntries} entries`, archive);
    }
    if (!checksumMatches(header, octal(header, 148, 8, archive, "checksum"))) {
      throw new RegistryInputError(`has a corrupt tar header at byte ${offset} (checksum mismatch)`, archive);
    }
    const size = paxSize ?? octal(header, 124, 12, archive, "size");
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = offset + BLOCK;
    if (dataStart + size > bytes.length) throw new RegistryInputError("is truncated", archive);
    const data = bytes.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;

    if (type === "x" || type === "g" || type === "L") {
      if (size > limits.maxFileBytes)
        throw new RegistryInputError("has an oversized extended header", archive);
      if (type === "L") longName = text(nulTerminated(data), archive);
      if (type === "x") {
        const records = paxRecords(data, archive);
        paxPath = records.get("path") ?? paxPath;
        const declared = records.get("size");
        if (declared !== undefined) {
          if (!/^\d+$/.test(declared))
            throw new RegistryInputError(`has a corrupt pax size "${declared}"`, archive);
          paxSize = Number(declared);
        }
      }
      continue;
    }
    const prefix = text(nulTerminated(header.subarray(345, 500)), archive);
    const shortName = text(nulTerminated(header.subarray(0, 100)), archive);
    const name = paxPath ?? longName ?? (prefix ? `${prefix}/${shortName}` : shortName);
    longName = paxPath = paxSize = undefined;
    // `tar -C dir .` writes the archive's root as a "./" directory entry: nothing to refuse or keep.
    if (type === "5" && name.split("/").every((segment) => segment === "" || segment === ".")) continue;
    const path = safeEntryPath(name, archive);

    if (type === "5") continue;
    if (type === "1" || type === "2")
      throw new RegistryInputError(`entry "${path}" is a link, which models never need`, archive);
    if (type !== "0" && type !== "\0" && type !== "7") {
      throw new RegistryInputError(`entry "${path}" has unsupported type "${type}"`, archive);
    }
    if (seen.has(path)) throw new RegistryInputError(`holds "${path}" twice`, archive);
    seen.add(path);
    unpacked += size;
    if (unpacked > limits.maxUnpackedBytes) {
      throw new RegistryInputError(`holds more than ${byteSize(limits.maxUnpackedBytes)} of files`, archive);
    }
    files.push({ path, data });
  }
  // Some writers leave out the closing zero blocks; a partial block at the end means the upload was cut short.
  if (bytes.length % BLOCK === 0) return files;
  throw new RegistryInputError("is truncated", archive);
}
