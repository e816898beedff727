// Compose durations ("1m30s", "500ms", Go's syntax) as the whole seconds Kubernetes probes and grace periods take.

const UNIT_SECONDS: Record<string, number> = { us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
const PART = /(\d+(?:\.\d+)?)(us|µs|ms|s|m|h)/y;

/** Seconds, or undefined when the text is not a duration. A bare number is taken as seconds. */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== "string" || value === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < value.length) {
    const start = PART.lastIndex;
    const match = PART.exec(value);
    if (!match || match.index !== start) return undefined;
    total += Number(match[1]) * (UNIT_SECONDS[match[2] ?? ""] ?? Number.NaN);
  }
  return Number.isFinite(total) ? total : undefined;
}

/** Rounded up, since a probe that waits a little longer is safer than one that gives up early. */
export function wholeSeconds(seconds: number, minimum: number): number {
  return Math.max(minimum, Math.ceil(seconds));
}
