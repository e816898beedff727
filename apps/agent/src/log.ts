// Owns the agent's structured logging: one JSON line per entry on stdout, level-filtered, secrets redacted.
import type { LogLevel } from "./env";

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const SEVERITY: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Matched on the key, not the value: we cannot recognise every secret format, but we name our own fields.
const SECRET_KEY = /token|secret|passw(or)?d|authorization|cookie|api[-_]?key|credential|private[-_]?key/i;
export const REDACTED = "[redacted]";

function sanitize(value: unknown, depth: number): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (typeof value === "bigint") return value.toString();
  // Bounded so a cyclic or huge object cannot stall the process while logging.
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => sanitize(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : sanitize(inner, depth + 1);
  }
  return out;
}

export function redact(fields: LogFields): LogFields {
  return sanitize(fields, 0) as LogFields;
}

export interface LoggerOptions {
  level: LogLevel;
  // Injected by tests; production writes to stdout, which Kubernetes collects.
  write?: (line: string) => void;
  now?: () => Date;
}

export function createLogger({ level, write, now = () => new Date() }: LoggerOptions): Logger {
  const emit = write ?? ((line: string) => process.stdout.write(line));
  const threshold = SEVERITY[level];

  const entry =
    (entryLevel: LogLevel) =>
    (msg: string, fields: LogFields = {}): void => {
      if (SEVERITY[entryLevel] < threshold) return;
      const time = now().toISOString();
      // Reassigned after the spread so a field named "msg" or "level" cannot forge the envelope.
      const record = Object.assign({ time, level: entryLevel, msg }, redact(fields), {
        time,
        level: entryLevel,
        msg,
      });
      emit(`${JSON.stringify(record)}\n`);
    };

  return { debug: entry("debug"), info: entry("info"), warn: entry("warn"), error: entry("error") };
}
