// Reads the load generator's serialised HDR histogram (format "meshplane-hdr-1") back into buckets, and groups
// them into the log-spaced bins the result page draws, with the cumulative percent at each bin's right edge.

/** One bucket of the generator's histogram: values from `low` to `high` microseconds, inclusive. */
export type Bucket = { low: number; high: number; count: number };
export type DecodedHistogram = { buckets: Bucket[]; total: number; minUs: number; maxUs: number };
/** One drawn bar, in milliseconds; `cumulativePercent` counts this bar and every faster one. */
export type Bin = { lowMs: number; highMs: number; count: number; cumulativePercent: number };

// The generator's layout: values below 2048 µs have a bucket each; above, every doubling of the value is
// split into 1024 equal buckets, so a bucket is never wider than 1/1024 of the values it holds.
const EXACT_BELOW = 2048;
const HALF = 1024;

export function bucketBounds(index: number): { low: number; high: number } {
  if (index < EXACT_BELOW) return { low: index, high: index };
  const doubling = Math.floor(index / HALF) - 1;
  const width = 2 ** doubling;
  const low = ((index % HALF) + HALF) * width;
  return { low, high: low + width - 1 };
}

/** Null for anything that is not a serialised histogram whose counts add up: the page then says so. */
export function decodeHistogram(text: string | null | undefined): DecodedHistogram | null {
  if (!text) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const shape = parsed as {
    format?: unknown;
    counts?: unknown;
    total?: unknown;
    min?: unknown;
    max?: unknown;
  };
  if (shape?.format !== "meshplane-hdr-1" || typeof shape.counts !== "string") return null;
  if (typeof shape.total !== "number" || typeof shape.min !== "number" || typeof shape.max !== "number")
    return null;
  const bytes = base64Bytes(shape.counts);
  if (!bytes) return null;
  const buckets: Bucket[] = [];
  let index = 0;
  let total = 0;
  let offset = 0;
  while (offset < bytes.length) {
    const read = readZigzag(bytes, offset);
    if (!read) return null;
    offset = read.next;
    if (read.value < 0) {
      index += -read.value;
      continue;
    }
    buckets.push({ ...bucketBounds(index), count: read.value });
    total += read.value;
    index += 1;
  }
  if (total !== shape.total) return null;
  return { buckets, total, minUs: shape.min, maxUs: shape.max };
}

/** The generator's own rule: the highest value of the bucket where the count reaches p% (never above max). */
export function valueAtPercentileUs(histogram: DecodedHistogram, percentile: number): number {
  if (histogram.total === 0) return 0;
  if (percentile >= 100) return histogram.maxUs;
  const target = Math.max(1, Math.ceil((Math.max(0, percentile) / 100) * histogram.total));
  let seen = 0;
  for (const bucket of histogram.buckets) {
    seen += bucket.count;
    if (seen >= target) return Math.min(bucket.high, histogram.maxUs);
  }
  return histogram.maxUs;
}

/**
 * About `binCount` bins with log-spaced edges from the fastest to the slowest value. Each bucket falls in
 * the bin holding its low end; bins are at least one microsecond wide, so tiny ranges give fewer bins.
 */
export function logBins(histogram: DecodedHistogram, binCount = 40): Bin[] {
  if (histogram.total === 0) return [];
  const low = Math.max(1, histogram.minUs);
  const high = Math.max(low + 1, histogram.maxUs + 1);
  const ratio = (high / low) ** (1 / binCount);
  const edges = [low];
  while (edges.length <= binCount) {
    const previous = edges[edges.length - 1] ?? low;
    const next = Math.min(high, Math.max(previous + 1, previous * ratio));
    edges.push(next);
    if (next >= high) break;
  }
  const counts = new Array<number>(edges.length - 1).fill(0);
  let bin = 0;
  for (const bucket of histogram.buckets) {
    while (bin < counts.length - 1 && bucket.low >= (edges[bin + 1] ?? high)) bin++;
    counts[bin] = (counts[bin] ?? 0) + bucket.count;
  }
  const cumulative = cumulativePercents(counts);
  return counts.map((count, i) => ({
    lowMs: (edges[i] ?? low) / 1000,
    highMs: (edges[i + 1] ?? high) / 1000,
    count,
    cumulativePercent: cumulative[i] ?? 100,
  }));
}

/** Running totals as percentages of the whole; the last is exactly 100 whenever anything was counted. */
export function cumulativePercents(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  let seen = 0;
  return counts.map((count) => {
    seen += count;
    return total === 0 ? 0 : seen === total ? 100 : (seen / total) * 100;
  });
}

function base64Bytes(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

// Little-endian base-128 with zigzag signs; arithmetic rather than bit operators keeps counts past 2^31 exact.
function readZigzag(bytes: Uint8Array, start: number): { value: number; next: number } | null {
  let raw = 0;
  let scale = 1;
  for (let offset = start; offset < bytes.length; offset++) {
    const byte = bytes[offset] ?? 0;
    raw += (byte % 128) * scale;
    if (byte < 128) return { value: raw % 2 === 1 ? -(raw + 1) / 2 : raw / 2, next: offset + 1 };
    scale *= 128;
  }
  return null;
}
