// Content hashes and the ids derived from them: synchronous and dependency-free so browsers and Workers agree.

/**
 * A non-cryptographic hash with 128 bits of output: two independent 32-bit multiply-xor lanes (about 64
 * bits of collision resistance, plenty to tell designs apart) spread by a final cross-mix. It identifies
 * content; it does not resist an adversary.
 */
class Hasher {
  private a = 0x811c9dc5;
  private b = 0x9e3779b9;
  private count = 0;

  text(value: string): this {
    // The length first, so ["ab", "c"] and ["a", "bc"] never feed the same stream; two UTF-16 units a step.
    this.word(value.length);
    const even = value.length & ~1;
    for (let i = 0; i < even; i += 2) this.word(value.charCodeAt(i) | (value.charCodeAt(i + 1) << 16));
    if (even !== value.length) this.word(value.charCodeAt(even));
    return this;
  }

  word(value: number): this {
    this.a = Math.imul(this.a ^ value, 0x01000193);
    this.b = Math.imul((this.b + value) ^ (this.b >>> 15), 0x5bd1e995);
    this.count++;
    return this;
  }

  digest(): Digest {
    const a = avalanche(this.a ^ this.count);
    const b = avalanche(this.b ^ Math.imul(a, 0x9e3779b1));
    const c = avalanche(a ^ Math.imul(b, 0x85ebca6b));
    const d = avalanche(b ^ Math.imul(c, 0xc2b2ae35));
    return [a, b, c, d];
  }
}

type Digest = [number, number, number, number];

function avalanche(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
const byteHex = (lane: number, shift: number) => HEX[(lane >>> shift) & 0xff] as string;

function hex(digest: Digest): string {
  let out = "";
  for (const lane of digest)
    out += byteHex(lane, 24) + byteHex(lane, 16) + byteHex(lane, 8) + byteHex(lane, 0);
  return out;
}

export function hash128(text: string): string {
  return hex(new Hasher().text(text).digest());
}

/** A UUID (version 8, "vendor-specific") that is a pure function of the seed: same seed, same id. */
export function uuidFromSeed(seed: string): string {
  const h = hash128(seed);
  const variant = ((Number.parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const TAG = {
  null: 1,
  false: 2,
  true: 3,
  number: 4,
  string: 5,
  array: 6,
  object: 7,
  end: 8,
  unit: 9,
} as const;

// Members that designs share between many components and relationships (every component embeds the
// same model; declarations reuse their definition's parts). They are digested as units, once per object.
const SHARED_MEMBERS: ReadonlySet<string> = new Set([
  "model",
  "modelReference",
  "metadata",
  "patch",
  "deny",
  "matchStrategyMatrix",
]);

/**
 * The hash of a JSON value that ignores the order of object keys. Everything streams through one hasher;
 * only the members above become sub-digests, memoised by identity, so work follows distinct content.
 * Which members are units depends on names alone, so equal content always hashes equal.
 */
export function contentHash(value: unknown): string {
  const hasher = new Hasher();
  feedValue(hasher, value, new Map(), false);
  return hex(hasher.digest());
}

function feedValue(hasher: Hasher, value: unknown, units: Map<object, Digest>, asUnit: boolean): void {
  switch (typeof value) {
    case "boolean":
      hasher.word(value ? TAG.true : TAG.false);
      return;
    case "number":
      hasher.word(TAG.number).text(String(value));
      return;
    case "string":
      hasher.word(TAG.string).text(value);
      return;
    case "object":
      if (value === null) break;
      if (asUnit) {
        let digest = units.get(value);
        if (!digest) {
          const own = new Hasher();
          feedObject(own, value, units);
          digest = own.digest();
          units.set(value, digest);
        }
        hasher.word(TAG.unit);
        for (const lane of digest) hasher.word(lane);
      } else feedObject(hasher, value, units);
      return;
  }
  hasher.word(TAG.null);
}

// Most objects have a handful of keys, where an insertion sort beats Array.prototype.sort's generic
// comparator; large ones (a ConfigMap's data) go to the built-in sort.
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

function feedObject(hasher: Hasher, value: object, units: Map<object, Digest>): void {
  if (Array.isArray(value)) {
    hasher.word(TAG.array);
    for (const element of value) feedValue(hasher, element, units, false);
  } else {
    const record = value as Record<string, unknown>;
    hasher.word(TAG.object);
    const keys = sortedKeys(record);
    for (const key of keys) {
      // Undefined members are absent from JSON, so they are absent from the hash too.
      if (record[key] !== undefined) feedValue(hasher.text(key), record[key], units, SHARED_MEMBERS.has(key));
    }
  }
  hasher.word(TAG.end);
}
