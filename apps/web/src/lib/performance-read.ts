// What a result holds, read defensively into one shape: the per-second series, the run's facts and its
// thresholds. Results come from the built-in generator, from agents and from imports, and from API versions
// that put some facts at the top level and others only in `runnerResults`, so every field may be missing.
import { z } from "zod";
import type { PerfResult, ThresholdOutcome } from "./performance";

const secondSchema = z.object({
  second: z.number(),
  requests: z.number().default(0),
  errors: z.number().default(0),
  failedStatuses: z.number().default(0),
  p50: z.number().default(0),
  p90: z.number().default(0),
  p99: z.number().default(0),
});
export type Second = z.infer<typeof secondSchema>;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** One cluster's share of an in-cluster run, as its agent reported it. */
const clusterPartSchema = z.object({
  connectionId: z.string(),
  /** The cluster's name when the run started. */
  clusterName: z.string().optional(),
  status: z.string().default("unknown"),
  requests: z.number().default(0),
  rps: z.number().default(0),
  error: z.string().nullable().default(null),
});
export type ClusterPart = z.infer<typeof clusterPartSchema>;

const runnerSchema = z.object({
  url: optional(z.string()),
  method: optional(z.string()),
  rate: optional(z.number().nullable()),
  connections: optional(z.number()),
  threads: optional(z.number()),
  durationMs: optional(z.number()),
  requests: optional(z.number()),
  rps: optional(z.number()),
  serviceTime: optional(z.record(z.string(), z.number())),
  errors: optional(z.record(z.string(), z.number())),
  errorSamples: optional(z.record(z.string(), z.string())),
  unfinished: optional(z.number()),
  endedEarly: optional(z.object({ atMs: z.number(), cause: z.string() }).nullable()),
  thresholds: optional(
    z.array(
      z.object({
        expression: z.string(),
        metric: z.string().default(""),
        actual: z.number().nullable().default(null),
        passed: z.boolean(),
      }),
    ),
  ),
  error: optional(z.string()),
  agents: optional(z.array(clusterPartSchema)),
});

export type RunFacts = {
  state: "running" | "passed" | "failed" | "errored";
  partial: boolean;
  /** Why the run errored or ended early, in the API's words. */
  cause: string | null;
  url?: string;
  method?: string;
  /** Requests per second asked for; null for the closed model. */
  rate: number | null;
  connections?: number;
  durationMs?: number;
  requests?: number;
  rps?: number;
  errorRate: number | null;
  serviceTime?: Record<string, number>;
  errors: Record<string, number>;
  errorSamples: Record<string, string>;
  thresholds: ThresholdOutcome[];
  /** In-cluster runs: each agent's share; empty for a run from this machine or an import. */
  clusters: ClusterPart[];
};

export function readSeries(series: readonly unknown[]): Second[] {
  return series.flatMap((entry) => {
    const parsed = secondSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export function readFacts(result: PerfResult): RunFacts {
  const parsed = runnerSchema.safeParse(result.runnerResults);
  const runner = parsed.success ? parsed.data : {};
  const summary = result.summary ?? {};
  const errors = result.errors ?? runner.errors ?? {};
  const partial = result.partial ?? Boolean(runner.endedEarly);
  return {
    state: stateOf(result),
    partial,
    cause: result.error ?? runner.error ?? runner.endedEarly?.cause ?? null,
    ...(runner.url ? { url: runner.url } : {}),
    ...(runner.method ? { method: runner.method } : {}),
    rate: summary.rate !== undefined ? summary.rate : (runner.rate ?? null),
    ...defined("connections", summary.connections ?? runner.connections),
    ...defined("durationMs", summary.durationMs ?? runner.durationMs),
    ...defined("requests", summary.requests ?? runner.requests),
    ...defined("rps", summary.rps ?? runner.rps),
    errorRate: summary.errorRate ?? errorRateOf(result.statusCodes, errors),
    ...(runner.serviceTime ? { serviceTime: runner.serviceTime } : {}),
    errors,
    errorSamples: runner.errorSamples ?? {},
    thresholds: result.thresholds ?? runner.thresholds ?? [],
    clusters: runner.agents ?? [],
  };
}

function defined<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

/** The API's statuses, old and new: "completed" became passed or failed by its `passed` flag. */
function stateOf(result: PerfResult): RunFacts["state"] {
  switch (result.status) {
    case "running":
    case "pending":
      return "running";
    case "errored":
      return "errored";
    case "passed":
      return "passed";
    case "completed":
      return result.passed ? "passed" : "failed";
    case "failed":
      // Before the "errored" status, a run that produced nothing was "failed" with no histogram.
      return result.histogram === null && Object.keys(result.percentiles).length === 0 ? "errored" : "failed";
    default:
      return result.passed ? "passed" : "failed";
  }
}

/** Failed requests (no response, or a status of 400 or more) over all attempts; null before any attempt. */
export function errorRateOf(
  statusCodes: Record<string, number>,
  errors: Record<string, number>,
): number | null {
  const noResponse = Object.values(errors).reduce((sum, n) => sum + n, 0);
  const failedStatuses = Object.entries(statusCodes).reduce(
    (sum, [code, n]) => sum + (Number(code) >= 400 ? n : 0),
    0,
  );
  const answered = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  const attempts = answered + noResponse;
  return attempts === 0 ? null : (noResponse + failedStatuses) / attempts;
}

/** The rows of the percentile table, in the order the page lists them, keyed as the API stores them. */
export const percentileRows = [
  { key: "p50", label: "p50" },
  { key: "p75", label: "p75" },
  { key: "p90", label: "p90" },
  { key: "p95", label: "p95" },
  { key: "p99", label: "p99" },
  { key: "p99.9", label: "p99.9" },
  { key: "p99.99", label: "p99.99" },
  { key: "min", label: "min" },
  { key: "max", label: "max" },
  { key: "mean", label: "mean" },
] as const;

/** The percentile points a curve is drawn through: p50 up to p99.99, as [percent, key]. */
export const curvePoints = [
  [50, "p50"],
  [75, "p75"],
  [90, "p90"],
  [95, "p95"],
  [99, "p99"],
  [99.9, "p99.9"],
  [99.99, "p99.99"],
] as const;

export function percentileCurve(percentiles: Record<string, number>): [number, number][] {
  return curvePoints.flatMap(([percent, key]) => {
    const value = percentiles[key];
    return value === undefined ? [] : [[percent, value] as [number, number]];
  });
}

/** How the verdict is written on the pages, and the tone it is drawn in. */
export function verdictLabel(facts: RunFacts): { text: string; tone: "ok" | "bad" | "warn" | "muted" } {
  switch (facts.state) {
    case "running":
      return { text: "Running", tone: "muted" };
    case "errored":
      return { text: "Errored", tone: "bad" };
    case "passed":
      return facts.thresholds.length === 0
        ? { text: "Done, no thresholds", tone: "muted" }
        : { text: "Pass", tone: "ok" };
    default:
      return { text: facts.partial ? "Fail (partial)" : "Fail", tone: "bad" };
  }
}
