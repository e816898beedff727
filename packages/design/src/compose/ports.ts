// Compose `ports` and `expose` (short "127.0.0.1:8080:80/udp", ranges, long form) as port mappings.
import type { ComposeProblems, YamlPath } from "./problems";

export type Protocol = "TCP" | "UDP" | "SCTP";
export type PortMapping = { target: number; published?: number; protocol: Protocol; name?: string };

// "1-65535" is valid Compose; a Service with 65535 ports is not something to build from an upload.
export const MAX_PORTS_PER_SERVICE = 100;
const PROTOCOLS: Record<string, Protocol> = { tcp: "TCP", udp: "UDP", sctp: "SCTP" };
// Kubernetes port names are IANA service names: 15 characters at most, a letter somewhere, no "--".
const PORT_NAME = /^(?=.*[a-z])(?!.*--)[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

export function readPorts(value: unknown, at: YamlPath, problems: ComposeProblems): PortMapping[] {
  return readList(value, at, problems, (entry, path) =>
    typeof entry === "object" && entry !== null && !Array.isArray(entry)
      ? longPort(entry as Record<string, unknown>, path, problems)
      : shortPort(entry, path, problems, true),
  );
}

export function readExpose(value: unknown, at: YamlPath, problems: ComposeProblems): PortMapping[] {
  return readList(value, at, problems, (entry, path) => shortPort(entry, path, problems, false));
}

function readList(
  value: unknown,
  at: YamlPath,
  problems: ComposeProblems,
  read: (entry: unknown, path: YamlPath) => PortMapping[],
): PortMapping[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.error(at, `${String(at.at(-1))} must be a list`);
    return [];
  }
  const ports = value.flatMap((entry, index) => read(entry, [...at, index]));
  if (ports.length > MAX_PORTS_PER_SERVICE) {
    problems.error(at, `more than ${MAX_PORTS_PER_SERVICE} ports: narrow the port ranges`);
    return [];
  }
  return ports;
}

function shortPort(
  entry: unknown,
  at: YamlPath,
  problems: ComposeProblems,
  publishable: boolean,
): PortMapping[] {
  if (typeof entry !== "string" && typeof entry !== "number") {
    problems.error(at, "a port must be a number, a string such as 8080:80, or a mapping");
    return [];
  }
  const text = String(entry).trim();
  const [address, protocolName = "tcp"] = text.split("/");
  const protocol = PROTOCOLS[protocolName.toLowerCase()];
  if (!protocol || address === undefined) {
    problems.error(at, `port "${text}": the protocol must be tcp, udp or sctp`);
    return [];
  }
  // A bracketed IPv6 host address comes first and contains colons of its own.
  const bracketed = /^\[([^\]]*)\]:(.*)$/.exec(address);
  const parts = bracketed ? [bracketed[1] ?? "", ...(bracketed[2] ?? "").split(":")] : address.split(":");
  if (parts.length > 3 || (!publishable && parts.length > 1)) {
    problems.error(at, `port "${text}" is not of the form [host:][published:]target`);
    return [];
  }
  const target = portRange(parts.at(-1));
  const published = parts.length >= 2 && parts.at(-2) !== "" ? portRange(parts.at(-2)) : undefined;
  if (!target || (parts.length >= 2 && parts.at(-2) !== "" && !published)) {
    problems.error(at, `port "${text}" is not a port number or range between 1 and 65535`);
    return [];
  }
  if (parts.length === 3) warnHostAddress(parts[0], at, problems);
  return expand(target, published, protocol, undefined, text, at, problems);
}

function longPort(entry: Record<string, unknown>, at: YamlPath, problems: ComposeProblems): PortMapping[] {
  const target = portRange(entry.target);
  if (!target || target[0] !== target[1]) {
    problems.error([...at, "target"], "a long-form port needs a target port between 1 and 65535");
    return [];
  }
  const published = entry.published === undefined ? undefined : portRange(entry.published);
  if (entry.published !== undefined && !published) {
    problems.error([...at, "published"], "published must be a port or range between 1 and 65535");
    return [];
  }
  const protocol = PROTOCOLS[String(entry.protocol ?? "tcp").toLowerCase()];
  if (!protocol) {
    problems.error([...at, "protocol"], "the protocol must be tcp, udp or sctp");
    return [];
  }
  warnHostAddress(entry.host_ip, at, problems);
  if (entry.mode === "host") {
    problems.warn(
      [...at, "mode"],
      "host-mode publishing has no Kubernetes Service equivalent: a ClusterIP port is made",
    );
  }
  let name: string | undefined;
  if (entry.name !== undefined) {
    if (typeof entry.name === "string" && PORT_NAME.test(entry.name)) name = entry.name;
    else
      problems.warn(
        [...at, "name"],
        `port name "${String(entry.name)}" is not a valid Kubernetes port name: ignored`,
      );
  }
  return expand(target, published, protocol, name, String(entry.target), at, problems);
}

function expand(
  target: [number, number],
  published: [number, number] | undefined,
  protocol: Protocol,
  name: string | undefined,
  text: string,
  at: YamlPath,
  problems: ComposeProblems,
): PortMapping[] {
  const count = target[1] - target[0] + 1;
  const publishedCount = published ? published[1] - published[0] + 1 : 0;
  // "8000-8010:80" lets Docker pick a host port from the range; a Service just takes the first.
  if (published && publishedCount !== count && count !== 1) {
    problems.error(at, `port "${text}": the published and target ranges differ in length`);
    return [];
  }
  if (count > MAX_PORTS_PER_SERVICE) {
    problems.error(at, `port range "${text}" holds more than ${MAX_PORTS_PER_SERVICE} ports`);
    return [];
  }
  return Array.from({ length: count }, (_, i) => ({
    target: target[0] + i,
    ...(published ? { published: published[0] + (count === 1 ? 0 : i) } : {}),
    protocol,
    ...(name && count === 1 ? { name } : {}),
  }));
}

function portRange(value: unknown): [number, number] | undefined {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string") return undefined;
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text.trim());
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2] ?? match[1]);
  return start >= 1 && end <= 65535 && start <= end ? [start, end] : undefined;
}

function warnHostAddress(address: unknown, at: YamlPath, problems: ComposeProblems): void {
  if (address === undefined || address === "" || address === "0.0.0.0" || address === "::") return;
  problems.warn(at, `the host address ${String(address)} is dropped: a Service listens on its cluster IP`);
}
