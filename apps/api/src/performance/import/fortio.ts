// Fortio's JSON result (as Meshery stores it in runner_results): its semi-log duration buckets rebuilt as an
// HDR histogram, spreading each bucket's calls evenly across it, which is how Fortio itself interpolates.

import { summarizeLatency } from "@meshplane/loadgen";
import { z } from "zod";
import { Histogram, ImportError, type Imported } from "./imported";

// A rebuilt bucket holds at most this many distinct values; counts above it are shared between them.
const SPREAD_STEPS = 2_000;
// Seconds the rebuilt histogram tracks (its default range): an hour.
const MAX_SECONDS = 3_600;

const seconds = z
  .number({ error: "must be a number of seconds" })
  .min(0, "must not be negative")
  .max(MAX_SECONDS, `must be at most ${MAX_SECONDS} seconds`);
const count = z.number().int("must be a whole number").min(0, "must not be negative").max(1e12);

const Bucket = z
  .object({ Start: seconds, End: seconds, Percent: z.number().optional(), Count: count })
  .refine((bucket) => bucket.End >= bucket.Start, { error: "End must not be below Start" });

const FortioResult = z.object({
  Labels: z.string().max(1_000).optional(),
  StartTime: z.string().max(100).optional(),
  RequestedQPS: z.union([z.string().max(50), z.number()]).optional(),
  RequestedDuration: z.union([z.string().max(50), z.number()]).optional(),
  ActualQPS: z.number().min(0).max(1e9),
  ActualDuration: z
    .number()
    .min(0)
    .max(MAX_SECONDS * 24 * 1e9),
  NumThreads: z.number().int().min(1).max(1_000_000).optional(),
  URL: z.string().max(2_000).optional(),
  RetCodes: z.record(z.string().regex(/^-?\d{1,4}$/, "status codes must be numbers"), count).default({}),
  DurationHistogram: z.object({
    Count: count,
    Min: seconds,
    Max: seconds,
    Sum: z.number().min(0).max(1e15),
    Avg: seconds,
    StdDev: z.number().min(0).max(MAX_SECONDS),
    Data: z.array(Bucket).max(10_000, "at most 10000 buckets").default([]),
    Percentiles: z
      .array(z.object({ Percentile: z.number().gt(0).lte(100), Value: seconds }))
      .max(100)
      .default([]),
  }),
});

export function looksLikeFortio(data: Record<string, unknown>): boolean {
  return "DurationHistogram" in data || "RetCodes" in data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "document"}: ${issue.message}`)
    .join("; ");
}

function rebuild(histogram: z.infer<typeof FortioResult>["DurationHistogram"]): Histogram {
  const rebuilt = new Histogram();
  for (const bucket of histogram.Data) {
    if (bucket.Count === 0) continue;
    const start = bucket.Start * 1e6;
    const width = bucket.End * 1e6 - start;
    const steps = Math.min(bucket.Count, SPREAD_STEPS);
    const each = Math.floor(bucket.Count / steps);
    const extra = bucket.Count % steps;
    for (let step = 0; step < steps; step++) {
      rebuilt.record(start + (width * (step + 0.5)) / steps, each + (step < extra ? 1 : 0));
    }
  }
  // Fortio's min, max, sum and standard deviation are exact: keep them rather than the spread's.
  const n = rebuilt.total;
  if (n > 0) {
    rebuilt.min = histogram.Min * 1e6;
    rebuilt.max = histogram.Max * 1e6;
    rebuilt.sum = histogram.Sum * 1e6;
    rebuilt.sumOfSquares = n * ((histogram.StdDev * 1e6) ** 2 + (histogram.Avg * 1e6) ** 2);
  }
  return rebuilt;
}

const percentKey = (percentile: number) => `p${Number(percentile.toFixed(3))}`;

function goDurationOf(value: string | number | undefined): string | null {
  if (typeof value === "string" && /^(\d+(\.\d+)?(ms|h|m|s))+$/.test(value)) return value;
  // A number is nanoseconds, as Go's time.Duration marshals.
  if (typeof value === "number" && value > 0) return `${Math.max(1, Math.round(value / 1e6))}ms`;
  return null;
}

export function importFortio(data: Record<string, unknown>): Imported {
  const parsed = FortioResult.safeParse(data);
  if (!parsed.success) throw new ImportError(`not a Fortio result: ${describeIssues(parsed.error)}`);
  const fortio = parsed.data;
  const buckets = fortio.DurationHistogram.Data;
  const bucketTotal = buckets.reduce((sum, bucket) => sum + bucket.Count, 0);
  if (bucketTotal !== fortio.DurationHistogram.Count) {
    throw new ImportError(
      `not a consistent Fortio result: DurationHistogram.Data counts add up to ${bucketTotal}, but Count says ${fortio.DurationHistogram.Count}`,
    );
  }
  const histogram = rebuild(fortio.DurationHistogram);
  const latency: Record<string, number> = summarizeLatency(histogram);
  // Fortio's own percentiles are what it reported; ours fill the ones it did not compute.
  const reported = fortio.DurationHistogram.Percentiles.map((p) => percentKey(p.Percentile));
  for (const p of fortio.DurationHistogram.Percentiles) latency[percentKey(p.Percentile)] = p.Value * 1000;
  const statusCodes: Record<string, number> = {};
  let socketErrors = 0;
  for (const [code, n] of Object.entries(fortio.RetCodes)) {
    // Fortio counts a call that got no HTTP answer under -1.
    if (Number(code) < 0) socketErrors += n;
    else statusCodes[String(Number(code))] = (statusCodes[String(Number(code))] ?? 0) + n;
  }
  const calls = fortio.DurationHistogram.Count;
  const responses = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  const failed =
    socketErrors + Object.entries(statusCodes).reduce((s, [c, n]) => s + (Number(c) >= 400 ? n : 0), 0);
  const widest = buckets.reduce(
    (worst, bucket) => {
      const width = bucket.End - bucket.Start;
      const relative = bucket.End > 0 ? width / bucket.End : 0;
      return bucket.Count > 0 && relative > worst.relative ? { width, relative, bucket } : worst;
    },
    { width: 0, relative: 0, bucket: undefined as (typeof buckets)[number] | undefined },
  );
  const notes = [
    `Fortio's ${buckets.length} duration buckets were rebuilt as an HDR histogram by spreading each bucket's calls evenly across it (as Fortio interpolates); inside a bucket the true distribution is unknown.`,
  ];
  if (widest.bucket) {
    notes.push(
      `The coarsest bucket (${(widest.bucket.Start * 1000).toFixed(3)} to ${(widest.bucket.End * 1000).toFixed(3)} ms, ${widest.bucket.Count} calls) is ${(widest.width * 1000).toFixed(3)} ms wide, ${(widest.relative * 100).toFixed(1)}% of its upper edge: percentiles falling in it are uncertain by that much, against 0.1% for a native run.`,
    );
  }
  notes.push(
    `${reported.join(", ") || "No percentiles"} are Fortio's own values; the others are read from the rebuilt histogram. Min, max, mean and standard deviation are Fortio's exact values.`,
    "Fortio results carry no per-second series and no error classes: the series is empty.",
  );
  if (socketErrors > 0) {
    notes.push(
      `${socketErrors} call${socketErrors === 1 ? "" : "s"} got no HTTP answer (Fortio's code -1): counted as "other" errors.`,
    );
  }
  const durationMs = fortio.ActualDuration / 1e6;
  return {
    format: "fortio",
    name: fortio.Labels?.trim() || null,
    startedAt:
      fortio.StartTime && !Number.isNaN(Date.parse(fortio.StartTime)) ? new Date(fortio.StartTime) : null,
    durationMs,
    requests: responses,
    rps: fortio.ActualQPS,
    errorRate: calls === 0 ? null : failed / calls,
    latency: calls === 0 ? {} : latency,
    histogram: calls === 0 ? null : histogram,
    statusCodes,
    errors: socketErrors > 0 ? { other: socketErrors } : {},
    profile: {
      endpoint: fortio.URL ?? null,
      connections: fortio.NumThreads ?? null,
      qps:
        typeof fortio.RequestedQPS === "number"
          ? fortio.RequestedQPS
          : fortio.RequestedQPS === "max" || fortio.RequestedQPS === undefined
            ? 0
            : Number.isFinite(Number(fortio.RequestedQPS))
              ? Number(fortio.RequestedQPS)
              : null,
      duration: goDurationOf(fortio.RequestedDuration),
    },
    notes,
  };
}
