// Content hashes and the ids derived from them: synchronous and dependency-free so browsers and Workers agree.

/**
 * A 128-bit non-cryptographic hash of a string, as 32 hex digits. Four independent multiply-xor lanes
 * with a final cross-mix; it identifies content, it does not resist an adversary.
 */
export function hash128(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  let c = 0x85ebca6b;
  let d = 0xc2b2ae35;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 13;
    c = Math.imul(c + code, 0x27d4eb2f);
    c = (c << 11) | (c >>> 21);
    d = Math.imul(d ^ code, 0x165667b1) + i;
  }
  a = avalanche(a ^ Math.imul(d, 0x9e3779b1) ^ text.length);
  b = avalanche(b ^ a);
  c = avalanche(c ^ b);
  d = avalanche(d ^ c);
  a = avalanche(a ^ d);
  return [a, b, c, d].map((lane) => (lane >>> 0).toString(16).padStart(8, "0")).join("");
}

function avalanche(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** A UUID (version 8, "vendor-specific") that is a pure function of the seed: same seed, same id. */
export function uuidFromSeed(seed: string): string {
  const hex = hash128(seed);
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** JSON with object keys sorted, so two equal values always serialise to the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}
