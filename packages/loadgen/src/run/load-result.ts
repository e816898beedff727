// Owns the shape of a finished run's result and how the threads' reports are merged into it.

import { ERROR_CLASSES, type ErrorClass } from "../engine/error-classes";
import type { EndedEarly, ErrorCounts, ThreadReport } from "../engine/thread-messages";
import { deserializeHistogram, type SerializedHistogram, serializeHistogram } from "../histogram/codec";
import { Histogram } from "../histogram/histogram";
import type { ResolvedLoadOptions } from "../options";

/** Latency statistics in milliseconds (with microsecond resolution). */
export type LatencySummary = {
  min: number;
  max: number;
  mean: number;
  stddev: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
  p99: number;
  "p99.9": number;
  "p99.99": number;
};

export type SecondOfRun = {
  second: number;
  requests: number;
  /** Requests that got no response (any error class). */
  errors: number;
  /** Responses with a status of 400 or more. */
  failedStatuses: number;
  p50: number;
  p90: number;
  p99: number;
};

export type LoadResult = {
  url: string;
  method: string;
  model: "closed" | "open";
  /** The requested aggregate rate (open model), requests per second. */
  rate: number | null;
  connections: number;
  threads: number;
  pipelining: number;
  startedAt: string;
  /** How long requests were measured: the requested duration, or less when the run ended early. */
  durationMs: number;
  requests: number;
  rps: number;
  /** Open model: from each request's intended send time, so queueing behind a stall counts. */
  latency: LatencySummary;
  histogram: SerializedHistogram;
  /** From the actual send time: what a client blind to coordinated omission would report. */
  serviceTime: LatencySummary;
  serviceTimeHistogram: SerializedHistogram;
  perSecond: SecondOfRun[];
  statusCodes: Record<string, number>;
  errors: ErrorCounts;
  errorSamples: Partial<Record<ErrorClass, string>>;
  /** Requests in flight, or due but not yet sent, when the run ended: neither answered nor failed. */
  unfinished: number;
  connectionsOpened: number;
  endedEarly: EndedEarly | null;
  /** Each thread's own count and histogram (the merge inputs), and how busy its event loop was (0..1). */
  perThread: { requests: number; histogram: SerializedHistogram; busy: number }[];
};

export function summarizeLatency(histogram: Histogram): LatencySummary {
  const ms = (us: number) => us / 1000;
  return {
    min: ms(histogram.total === 0 ? 0 : histogram.min),
    max: ms(histogram.max),
    mean: ms(histogram.mean),
    stddev: ms(histogram.stddev),
    p50: ms(histogram.valueAtPercentile(50)),
    p75: ms(histogram.valueAtPercentile(75)),
    p90: ms(histogram.valueAtPercentile(90)),
    p95: ms(histogram.valueAtPercentile(95)),
    p99: ms(histogram.valueAtPercentile(99)),
    "p99.9": ms(histogram.valueAtPercentile(99.9)),
    "p99.99": ms(histogram.valueAtPercentile(99.99)),
  };
}

export type RunFacts = {
  options: ResolvedLoadOptions;
  startedAt: Date;
  reports: ThreadReport[];
  perSecond: SecondOfRun[];
  /** Why the run ended early when no thread said so itself (a thread crashed, the caller aborted). */
  endedEarly: EndedEarly | null;
};

export function buildLoadResult({
  options,
  startedAt,
  reports,
  perSecond,
  endedEarly,
}: RunFacts): LoadResult {
  const latency = mergeHistograms(reports.map((report) => report.latency));
  const serviceTime = mergeHistograms(reports.map((report) => report.serviceTime));
  const early = endedEarly ?? reports.find((report) => report.endedEarly !== null)?.endedEarly ?? null;
  const durationMs = early === null ? options.durationMs : Math.min(options.durationMs, early.atMs);
  const errors = Object.fromEntries(ERROR_CLASSES.map((name) => [name, 0])) as ErrorCounts;
  const errorSamples: Partial<Record<ErrorClass, string>> = {};
  const statusCodes: Record<string, number> = {};
  for (const report of reports) {
    for (const name of ERROR_CLASSES) {
      errors[name] += report.errors[name];
      const sample = report.errorSamples[name];
      if (sample !== undefined) errorSamples[name] ??= sample;
    }
    for (const [status, count] of Object.entries(report.statusCodes)) {
      statusCodes[status] = (statusCodes[status] ?? 0) + count;
    }
  }
  return {
    url: options.url,
    method: options.method,
    model: options.rate === undefined ? "closed" : "open",
    rate: options.rate ?? null,
    connections: options.connections,
    threads: options.threads,
    pipelining: options.pipelining,
    startedAt: startedAt.toISOString(),
    durationMs,
    requests: latency.total,
    rps: durationMs > 0 ? latency.total / (durationMs / 1000) : 0,
    latency: summarizeLatency(latency),
    histogram: serializeHistogram(latency),
    serviceTime: summarizeLatency(serviceTime),
    serviceTimeHistogram: serializeHistogram(serviceTime),
    perSecond,
    statusCodes,
    errors,
    errorSamples,
    unfinished: reports.reduce((sum, report) => sum + report.unfinished, 0),
    connectionsOpened: reports.reduce((sum, report) => sum + report.connectionsOpened, 0),
    endedEarly: early,
    perThread: reports.map((report) => ({
      requests: report.requests,
      histogram: report.latency,
      busy: report.busy,
    })),
  };
}

/** Exact: every thread's histogram shares the bucket layout, so merging adds counts bucket by bucket. */
export function mergeHistograms(serialized: SerializedHistogram[]): Histogram {
  const merged = new Histogram(serialized[0]?.highestTrackable);
  for (const one of serialized) merged.merge(deserializeHistogram(one));
  return merged;
}
