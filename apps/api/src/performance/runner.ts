// Who runs a load test for the API: in the one-machine mode the built-in generator on this machine; elsewhere the agents.
import type { LoadResult, SecondOfRun } from "@meshplane/loadgen";

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

/** The generator's result, as `runLoad` returns it and `loadgen --json` prints it. */
export type RunOutcome = LoadResult;

export type RunControl = {
  /** Called as each second of the run closes; only runners with `live` call it while the run goes on. */
  onSecond?: (second: SecondOfRun) => void;
  signal?: AbortSignal;
};

export type PerformanceRunner = {
  run: (request: RunRequest, control?: RunControl) => Promise<RunOutcome>;
  /** Whether seconds are reported as they close (in-process), or only with the final result (child process). */
  live: boolean;
};

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
