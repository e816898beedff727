// A compact, exact serialised form of a histogram: counts as zigzag varints (runs of empty buckets as one
// negative number) in base64, so results travel from agents and merge without loss.
import { Histogram } from "./histogram";

export type SerializedHistogram = {
  format: "meshplane-hdr-1";
  highestTrackable: number;
  total: number;
  min: number;
  max: number;
  sum: number;
  sumOfSquares: number;
  counts: string;
};

export function serializeHistogram(histogram: Histogram): SerializedHistogram {
  const bytes: number[] = [];
  let zeros = 0;
  for (const count of histogram.counts) {
    if (count === 0) {
      zeros += 1;
      continue;
    }
    if (zeros > 0) writeVarint(bytes, -zeros);
    zeros = 0;
    writeVarint(bytes, count);
  }
  return {
    format: "meshplane-hdr-1",
    highestTrackable: histogram.highestTrackable,
    total: histogram.total,
    min: histogram.total === 0 ? 0 : histogram.min,
    max: histogram.max,
    sum: histogram.sum,
    sumOfSquares: histogram.sumOfSquares,
    counts: toBase64(bytes),
  };
}

export function deserializeHistogram(serialized: SerializedHistogram): Histogram {
  if (serialized?.format !== "meshplane-hdr-1") throw new TypeError("not a serialised Meshplane histogram");
  const histogram = new Histogram(serialized.highestTrackable);
  const bytes = fromBase64(serialized.counts);
  let index = 0;
  let offset = 0;
  let total = 0;
  while (offset < bytes.length) {
    const [value, next] = readVarint(bytes, offset);
    offset = next;
    if (value < 0) index -= value;
    else {
      if (index >= histogram.counts.length)
        throw new RangeError("serialised histogram has more buckets than its range");
      histogram.counts[index] = value;
      total += value;
      index += 1;
    }
  }
  if (total !== serialized.total)
    throw new RangeError("serialised histogram counts do not add up to its total");
  histogram.total = serialized.total;
  histogram.min = serialized.total === 0 ? Number.POSITIVE_INFINITY : serialized.min;
  histogram.max = serialized.max;
  histogram.sum = serialized.sum;
  histogram.sumOfSquares = serialized.sumOfSquares;
  return histogram;
}

// Zigzag keeps small negative run lengths small; arithmetic instead of bit operators keeps 53-bit counts exact.
function writeVarint(out: number[], signed: number): void {
  let value = signed < 0 ? -signed * 2 - 1 : signed * 2;
  while (value >= 128) {
    out.push((value % 128) + 128);
    value = Math.floor(value / 128);
  }
  out.push(value);
}

function readVarint(bytes: Uint8Array, start: number): [number, number] {
  let value = 0;
  let scale = 1;
  let offset = start;
  for (;;) {
    const byte = bytes[offset];
    if (byte === undefined) throw new RangeError("serialised histogram ends inside a number");
    offset += 1;
    value += (byte % 128) * scale;
    if (byte < 128) break;
    scale *= 128;
  }
  return [value % 2 === 1 ? -(value + 1) / 2 : value / 2, offset];
}

function toBase64(bytes: number[]): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
