// Turns what a run measured (one generator, several agents merged, or an import) into the stored result:
// status, percentiles, thresholds, summary, and the raw output kept as Meshery's runner_results.
import type { FinishedPerformanceResult, PerformanceProfile, PerformanceResult } from "@meshplane/db/queries";
import type { SecondOfRun, SerializedHistogram } from "@meshplane/loadgen/results";
import { evaluateThresholds, parseThresholds, type ThresholdOutcome } from "./thresholds";

/** The measurements every kind of run produces, whatever ran it. */
export type Measured = {
  requests: number;
  durationMs: number;
  requestedDurationMs: number;
  connections: number;
  /** Requested rate of the open model; null for the closed model. */
  rate: number | null;
  /** Latency statistics in milliseconds: min, max, mean, stddev, p50 ... p99.99. */
  latency: Record<string, number>;
  histogram: SerializedHistogram | null;
  perSecond: SecondOfRun[];
  statusCodes: Record<string, number>;
  errors: Record<string, number>;
  /** Why the run stopped before its duration, when it did. */
  endedEarly: { atMs: number; cause: string } | null;
};

export type RunSummary = {
  requests: number;
  rps: number;
  /** Null when unknown (an imported SMP result). */
  errorRate: number | null;
  durationMs: number;
  requestedDurationMs: number;
  connections: number;
  rate: number | null;
};

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export function failedCount(measured: Pick<Measured, "statusCodes" | "errors">): number {
  const failedStatuses = sum(
    Object.entries(measured.statusCodes).map(([code, n]) => (Number(code) >= 400 ? n : 0)),
  );
  return sum(Object.values(measured.errors)) + failedStatuses;
}

export function summaryOf(measured: Measured): RunSummary {
  const attempts = measured.requests + sum(Object.values(measured.errors));
  return {
    requests: measured.requests,
    rps: measured.durationMs > 0 ? measured.requests / (measured.durationMs / 1000) : 0,
    errorRate: attempts === 0 ? 1 : failedCount(measured) / attempts,
    durationMs: measured.durationMs,
    requestedDurationMs: measured.requestedDurationMs,
    connections: measured.connections,
    rate: measured.rate,
  };
}

export function thresholdsOf(profile: PerformanceProfile): string[] {
  return ((profile.metadata as { thresholds?: string[] }).thresholds ?? []) as string[];
}

export function evaluateRun(
  expressions: readonly string[],
  latency: Record<string, number>,
  summary: RunSummary,
): ThresholdOutcome[] {
  return evaluateThresholds(parseThresholds(expressions), {
    percentiles: Object.fromEntries(
      Object.entries(latency)
        .filter(([key]) => /^p\d/.test(key))
        .map(([key, value]) => [String(Number(key.slice(1))), value]),
    ),
    avg: latency.mean ?? 0,
    min: latency.min ?? 0,
    max: latency.max ?? 0,
    errorRate: summary.errorRate ?? Number.NaN,
    rps: summary.rps,
  }).map((outcome) =>
    // An unknown error rate is not measured: its rule fails, like a percentile the run did not measure.
    Number.isNaN(outcome.actual) ? { ...outcome, actual: null, passed: false } : outcome,
  );
}

type Finished = Omit<FinishedPerformanceResult, "organizationId" | "id">;

/**
 * The stored outcome. Nothing answered: errored. Ended early: failed and partial, with the cause. Otherwise
 * the thresholds decide passed or failed.
 */
export function recordOf(
  measured: Measured,
  expressions: readonly string[],
  raw: Record<string, unknown>,
): Finished {
  const summary = summaryOf(measured);
  const thresholds = evaluateRun(expressions, measured.latency, summary);
  const answered = measured.requests > 0;
  const partial = measured.endedEarly !== null;
  const passed = answered && !partial && thresholds.every((t) => t.passed);
  const error = !answered
    ? (measured.endedEarly?.cause ?? noAnswerCause(measured))
    : (measured.endedEarly?.cause ?? null);
  return {
    status: !answered ? "errored" : passed ? "passed" : "failed",
    passed,
    error,
    histogram: measured.histogram ? JSON.stringify(measured.histogram) : null,
    percentiles: answered ? measured.latency : {},
    series: measured.perSecond,
    statusCodes: measured.statusCodes,
    runnerResults: { ...raw, summary, thresholds, errors: measured.errors, partial },
  };
}

function noAnswerCause(measured: Measured): string {
  const classes = Object.entries(measured.errors).filter(([, n]) => n > 0);
  if (classes.length === 0) return "the target answered no request";
  return `the target answered no request (${classes.map(([name, n]) => `${n} ${name} errors`).join(", ")})`;
}

/** An errored result for a run that could not start or was lost; any series recorded live is kept. */
export function erroredRecord(cause: string, raw: Record<string, unknown> = {}): Finished {
  return {
    status: "errored",
    passed: false,
    error: cause,
    histogram: null,
    percentiles: {},
    statusCodes: {},
    runnerResults: { ...raw, error: cause },
  };
}

/** When a running result counts as lost: set at its start as the duration plus a grace period. */
export function deadlineOf(row: PerformanceResult): Date | null {
  const deadline = (row.runnerResults as { plan?: { deadlineAt?: string } }).plan?.deadlineAt;
  return deadline ? new Date(deadline) : null;
}
