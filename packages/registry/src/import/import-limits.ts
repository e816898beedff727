// How much an imported model may weigh: bounds that keep a hostile upload from exhausting memory.

export type ImportLimits = {
  /** Bytes of the upload as received, compressed or not. */
  maxInputBytes: number;
  /** Bytes after gunzip, and the sum of all files in a tar. */
  maxUnpackedBytes: number;
  /** Entries of a tar archive, directories included. */
  maxEntries: number;
  /** Bytes of any one file that gets parsed as JSON. */
  maxFileBytes: number;
};

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxInputBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxFileBytes: 20 * 1024 * 1024,
};

export function importLimits(overrides?: Partial<ImportLimits>): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...overrides };
}

/** "20 MiB", "32 KiB", "100 bytes": sizes in the words an error message needs. */
export function byteSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}
