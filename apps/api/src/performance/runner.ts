// Who runs a load test for the API: in the one-machine mode the built-in generator on this machine; elsewhere the agents.
import { parseThreshold, type Threshold } from "./thresholds";

export type RunRequest = {
  url: string;
  method: string;
  headers: Record<string, string>;
  cookies: Record<string, string>;
  body?: string;
  connections: number;
  /** Requests per second for the open model; absent for the closed model (as fast as possible). */
  rate?: number;
  durationMs: number;
};

/** The generator's JSON result, as `loadgen --json` prints it (the fields the API reads). */
export type RunOutcome = {
  requests: number;
  rps: number;
  durationMs: number;
  latency: Record<string, number>;
  histogram: string | { encoded?: string };
  perSecond: unknown[];
  statusCodes: Record<string, number>;
  errors: Record<string, number>;
  endedEarly?: unknown;
} & Record<string, unknown>;

export type PerformanceRunner = { run: (request: RunRequest) => Promise<RunOutcome> };

/** Go durations as Meshery writes them ("30s", "2m", "1h30m", "500ms") in milliseconds. */
export function parseGoDuration(text: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text.trim()) {
    throw new Error(`duration "${text}" must look like 30s, 2m, 1h30m or 500ms`);
  }
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
  return parts.reduce(
    (total, [, value, suffix]) => total + Number(value) * unit[suffix as keyof typeof unit],
    0,
  );
}

export function parseThresholds(expressions: readonly string[]): Threshold[] {
  return expressions.map(parseThreshold);
}
