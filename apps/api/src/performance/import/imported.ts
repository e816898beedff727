// The common shape every importer produces: what the document measured, the profile it implies, and the
// precision it lost on the way in.
import { Histogram } from "@meshplane/loadgen";

export type ImportFormat = "smp" | "fortio";

export type Imported = {
  format: ImportFormat;
  name: string | null;
  startedAt: Date | null;
  durationMs: number | null;
  /** Responses, exact when the format counts them, else estimated (and said so in `notes`). */
  requests: number;
  rps: number;
  errorRate: number | null;
  latency: Record<string, number>;
  histogram: Histogram | null;
  statusCodes: Record<string, number>;
  errors: Record<string, number>;
  /** What a profile for this result would hold, when the document says. */
  profile: {
    endpoint: string | null;
    connections: number | null;
    qps: number | null;
    duration: string | null;
  };
  notes: string[];
};

/** The error an importer throws for a document it cannot take; the route answers 400 with its message. */
export class ImportError extends Error {
  override name = "ImportError";
}

const ms = (us: number) => us / 1000;

/** The same statistics a run reports, read from a (rebuilt) histogram, in milliseconds. */
export function latencyOf(histogram: Histogram): Record<string, number> {
  const at = (p: number) => ms(histogram.valueAtPercentile(p));
  return {
    min: ms(histogram.total === 0 ? 0 : histogram.min),
    max: ms(histogram.max),
    mean: ms(histogram.mean),
    stddev: ms(histogram.stddev),
    p50: at(50),
    p75: at(75),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    "p99.9": at(99.9),
    "p99.99": at(99.99),
  };
}

export { Histogram };
