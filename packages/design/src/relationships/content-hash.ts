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
    // word() unrolled onto locals: this runs for every key and string of a design.
    const length = value.length;
    let a = Math.imul(this.a ^ length, 0x01000193);
    let b = Math.imul((this.b + length) ^ (this.b >>> 15), 0x5bd1e995);
    const even = length & ~1;
    for (let i = 0; i < even; i += 2) {
      const pair = value.charCodeAt(i) | (value.charCodeAt(i + 1) << 16);
      a = Math.imul(a ^ pair, 0x01000193);
      b = Math.imul((b + pair) ^ (b >>> 15), 0x5bd1e995);
    }
    if (even !== length) {
      const last = value.charCodeAt(even);
      a = Math.imul(a ^ last, 0x01000193);
      b = Math.imul((b + last) ^ (b >>> 15), 0x5bd1e995);
    }
    this.a = a;
    this.b = b;
    this.count += 1 + ((length + 1) >> 1);
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
  const [a, b, c, d] = new Hasher().text(seed).digest();
  // The digest's first 32 hex digits in the 8-4-4-4-12 layout, with the version nibble set to 8 and the
  // variant bits to 10, read straight from the lanes rather than from a hex string.
  const variant = HEX_DIGIT[((c >>> 28) & 0x3) | 0x8] as string;
  return (
    `${byteHex(a, 24)}${byteHex(a, 16)}${byteHex(a, 8)}${byteHex(a, 0)}-${byteHex(b, 24)}${byteHex(b, 16)}-8` +
    `${HEX_DIGIT[(b >>> 8) & 0xf]}${byteHex(b, 0)}-${variant}${HEX_DIGIT[(c >>> 24) & 0xf]}${byteHex(c, 16)}-` +
    `${byteHex(c, 8)}${byteHex(c, 0)}${byteHex(d, 24)}${byteHex(d, 16)}${byteHex(d, 8)}${byteHex(d, 0)}`
  );
}

const HEX_DIGIT = "0123456789abcdef";

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
// A switch rather than a Set: object keys are internalized strings, so each case is a pointer comparison.
const NOT_A_UNIT = 0;
const SHARED_UNIT = 1;
/** A unit that is usually an object of its own (each component's metadata): remembered only when frozen. */
const OWN_UNIT = 2;
type UnitKind = typeof NOT_A_UNIT | typeof SHARED_UNIT | typeof OWN_UNIT;

function unitKind(key: string): UnitKind {
  switch (key) {
    case "model":
    case "modelReference":
    case "patch":
    case "deny":
    case "matchStrategyMatrix":
      return SHARED_UNIT;
    case "metadata":
      // Declarations share their definition's (frozen) metadata; components each have their own.
      return OWN_UNIT;
    default:
      return NOT_A_UNIT;
  }
}

/**
 * The hash of a JSON value that ignores the order of object keys. Everything streams through one hasher;
 * only the members above become sub-digests, memoised by identity, so work follows distinct content.
 * Which members are units depends on names alone, so equal content always hashes equal.
 */
export function contentHash(value: unknown): string {
  const hasher = new Hasher();
  feedValue(hasher, value, new Map(), NOT_A_UNIT);
  return hex(hasher.digest());
}

function feedValue(hasher: Hasher, value: unknown, units: Map<object, Digest>, asUnit: UnitKind): void {
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
      if (asUnit !== NOT_A_UNIT) {
        // Remembering costs a map entry: worth it only for objects that may come round again.
        const remember = asUnit === SHARED_UNIT || Object.isFrozen(value);
        let digest = remember ? units.get(value) : undefined;
        if (!digest) {
          const own = new Hasher();
          feedObject(own, value, units);
          digest = own.digest();
          if (remember) units.set(value, digest);
        }
        hasher.word(TAG.unit);
        hasher.word(digest[0]).word(digest[1]).word(digest[2]).word(digest[3]);
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
    for (let i = 0; i < value.length; i++) feedValue(hasher, value[i], units, NOT_A_UNIT);
  } else {
    const record = value as Record<string, unknown>;
    hasher.word(TAG.object);
    const keys = sortedKeys(record);
    // Indexed loops: iterators showed up as allocations in this, the hottest recursion of an evaluation.
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const member = record[key];
      // Undefined members are absent from JSON, so they are absent from the hash too.
      if (member !== undefined) feedValue(hasher.text(key), member, units, unitKind(key));
    }
  }
  hasher.word(TAG.end);
}
