// Which IP addresses a server-side fetch may reach: public unicast only, never the service's own networks.

type Range = { bits: bigint; prefix: number; reason: string };

const PRIVATE = "a private address";
const RESERVED = "a reserved address";
const IPV4_RANGES: readonly Range[] = [
  v4("0.0.0.0", 8, "an unspecified address"),
  v4("10.0.0.0", 8, PRIVATE),
  v4("100.64.0.0", 10, "a carrier-grade NAT address"),
  v4("127.0.0.0", 8, "a loopback address"),
  v4("169.254.0.0", 16, "a link-local address, where cloud metadata services answer"),
  v4("172.16.0.0", 12, PRIVATE),
  v4("192.0.0.0", 24, RESERVED),
  v4("192.0.2.0", 24, RESERVED),
  v4("192.88.99.0", 24, RESERVED),
  v4("192.168.0.0", 16, PRIVATE),
  v4("198.18.0.0", 15, RESERVED),
  v4("198.51.100.0", 24, RESERVED),
  v4("203.0.113.0", 24, RESERVED),
  v4("224.0.0.0", 4, "a multicast address"),
  v4("240.0.0.0", 4, RESERVED),
];
// IPv6 is allowed only inside global unicast (2000::/3), less the parts of it that tunnel to IPv4 or are examples.
const IPV6_GLOBAL: Range = v6("2000::", 3, "");
const IPV6_RANGES: readonly Range[] = [
  v6("::", 128, "an unspecified address"),
  v6("::1", 128, "a loopback address"),
  v6("::ffff:0:0", 96, "an IPv4-mapped IPv6 address"),
  v6("fc00::", 7, "a unique-local IPv6 address"),
  v6("fe80::", 10, "a link-local IPv6 address"),
  v6("ff00::", 8, "a multicast address"),
  v6("2001::", 23, RESERVED),
  v6("2001:db8::", 32, RESERVED),
  v6("2002::", 16, "a 6to4 address, which can tunnel to any IPv4 address"),
];

/** Why an address must not be fetched, or undefined when it is a public unicast address. */
export function addressRefusal(address: string): string | undefined {
  const ipv4 = ipv4Bits(address);
  if (ipv4 !== undefined) return matching(IPV4_RANGES, ipv4, 32);
  const ipv6 = ipv6Bits(address);
  if (ipv6 === undefined) return "not an IP address";
  const refused = matching(IPV6_RANGES, ipv6, 128);
  if (refused) return refused;
  return inRange(IPV6_GLOBAL, ipv6, 128) ? undefined : "a reserved IPv6 address";
}

export function isIpAddress(text: string): boolean {
  return ipv4Bits(text) !== undefined || ipv6Bits(text) !== undefined;
}

function matching(ranges: readonly Range[], bits: bigint, width: number): string | undefined {
  return ranges.find((range) => inRange(range, bits, width))?.reason;
}

function inRange(range: Range, bits: bigint, width: number): boolean {
  const shift = BigInt(width - range.prefix);
  return bits >> shift === range.bits >> shift;
}

/** Strict dotted-quad only: the URL parser has already turned "2130706433" and "0x7f.1" into this form. */
function ipv4Bits(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255)) {
    return undefined;
  }
  return parts.reduce((bits, part) => (bits << 8n) | BigInt(part), 0n);
}

function ipv6Bits(text: string): bigint | undefined {
  let address = text.replace(/^\[|\]$/g, "").toLowerCase();
  if (address.includes("%")) return undefined; // zone ids name local interfaces
  // A dotted IPv4 tail ("::ffff:127.0.0.1") stands for the last two groups.
  const tail = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (tail) {
    const v4 = ipv4Bits(tail[2] ?? "");
    if (v4 === undefined) return undefined;
    address = `${tail[1]}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = address.split("::");
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string | undefined) => (half ? half.split(":") : []);
  const head = groupsOf(halves[0]);
  const rest = groupsOf(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return groups.reduce((bits, group) => (bits << 16n) | BigInt(`0x${group}`), 0n);
}

function v4(address: string, prefix: number, reason: string): Range {
  return { bits: ipv4Bits(address) ?? 0n, prefix, reason };
}

function v6(address: string, prefix: number, reason: string): Range {
  return { bits: ipv6Bits(address) ?? 0n, prefix, reason };
}
