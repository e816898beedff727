// Owns the command line's grammar: flags, durations like "10s", and turning argv into run options.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { LoadOptions } from "./options";

export const USAGE = `usage: loadgen [options] <url>

  -c, --connections <n>      connections to keep open (default 10)
  -t, --threads <n>          load threads (default: one per core, at most one per connection)
  -d, --duration <time>      how long to run: 500ms, 10s, 2m (default 10s)
  -R, --rate <rps>           open model: this many requests per second in all, latency timed from the schedule;
                             without it, the closed model: each connection sends as soon as it is answered
  -p, --pipelining <n>       requests in flight per connection (default 1)
  -m, --method <method>      request method (default GET)
  -H, --header <name: value> request header, repeatable
  -b, --cookie <name=value>  cookie, repeatable
      --body <text>          request body
      --timeout <time>       give up on a response after this long (default 5s)
      --connect-timeout <t>  give up on a connect after this long (default 2s)
      --ca <file>            trust this PEM certificate authority for https
  -k, --insecure             accept any https certificate
      --json                 print the whole result as one JSON line
  -h, --help                 show this help`;

export class CliUsageError extends Error {
  override name = "CliUsageError";
}

export type CliCommand = { help: true } | { help: false; json: boolean; options: LoadOptions };

/** Milliseconds from "250ms", "10s", "2m", "1h" or a bare number of seconds. */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (match === null) throw new CliUsageError(`${flag} must look like 500ms, 10s, 2m or 1h, not "${text}"`);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[(match[2] ?? "s") as "ms" | "s" | "m" | "h"];
  return Number(match[1]) * unit;
}

function parseNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || Number.isNaN(value))
    throw new CliUsageError(`${flag} must be a number, not "${text}"`);
  return value;
}

function splitPair(text: string, separator: string, flag: string): [string, string] {
  const at = text.indexOf(separator);
  if (at <= 0) throw new CliUsageError(`${flag} must look like name${separator}value, not "${text}"`);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

function parseFlags(argv: string[]) {
  try {
    return parseFlagsStrictly(argv);
  } catch (error) {
    // parseArgs explains unknown flags and missing values well; only the error type needs to change.
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseFlagsStrictly(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      connections: { type: "string", short: "c" },
      threads: { type: "string", short: "t" },
      duration: { type: "string", short: "d", default: "10s" },
      rate: { type: "string", short: "R" },
      pipelining: { type: "string", short: "p" },
      method: { type: "string", short: "m" },
      header: { type: "string", short: "H", multiple: true, default: [] },
      cookie: { type: "string", short: "b", multiple: true, default: [] },
      body: { type: "string" },
      timeout: { type: "string" },
      "connect-timeout": { type: "string" },
      ca: { type: "string" },
      insecure: { type: "boolean", short: "k", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

export function parseCommandLine(argv: string[]): CliCommand {
  const { values, positionals } = parseFlags(argv);
  if (values.help) return { help: true };
  const [url, ...extra] = positionals;
  if (url === undefined) throw new CliUsageError("the target URL is missing");
  if (extra.length > 0) throw new CliUsageError(`one URL only, got also: ${extra.join(" ")}`);
  const options: LoadOptions = {
    url,
    connections: parseNumber(values.connections, "--connections"),
    threads: parseNumber(values.threads, "--threads"),
    durationMs: parseDuration(values.duration, "--duration"),
    rate: parseNumber(values.rate, "--rate"),
    pipelining: parseNumber(values.pipelining, "--pipelining"),
    method: values.method,
    headers: Object.fromEntries(values.header.map((header) => splitPair(header, ":", "--header"))),
    cookies: Object.fromEntries(values.cookie.map((cookie) => splitPair(cookie, "=", "--cookie"))),
    body: values.body,
    timeoutMs: values.timeout === undefined ? undefined : parseDuration(values.timeout, "--timeout"),
    connectTimeoutMs:
      values["connect-timeout"] === undefined
        ? undefined
        : parseDuration(values["connect-timeout"], "--connect-timeout"),
    tls: {
      insecure: values.insecure,
      ca: values.ca === undefined ? undefined : readFileSync(values.ca, "utf8"),
    },
  };
  return { help: false, json: values.json, options };
}
