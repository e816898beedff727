// Comparing results against a baseline: the metrics, their deltas, and whether each delta is better or worse.
// The API's compare route answers in this shape; the page colours each delta with `judge`.
import { z } from "zod";

export const compareMetrics = [
  "min",
  "mean",
  "p50",
  "p90",
  "p95",
  "p99",
  "p99.9",
  "p99.99",
  "max",
  "rps",
  "errorRate",
] as const;
export type Metric = (typeof compareMetrics)[number];

const deltaSchema = z.object({ absolute: z.number().nullable(), percent: z.number().nullable() });
export type Delta = z.infer<typeof deltaSchema>;

export const compareEntrySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  profileId: z.string(),
  status: z.string(),
  startedAt: z.string(),
  baseline: z.boolean().default(false),
  values: z.record(z.string(), z.number().nullable()),
  deltas: z.record(z.string(), deltaSchema),
});
export type CompareEntry = z.infer<typeof compareEntrySchema>;

export const comparisonSchema = z.looseObject({
  baseline: compareEntrySchema,
  results: z.array(compareEntrySchema),
  warnings: z.array(z.string()).default([]),
});
export type Comparison = z.infer<typeof comparisonSchema>;

/** Throughput is better higher; latencies and the error rate are better lower. */
export function higherIsBetter(metric: string): boolean {
  return metric === "rps";
}

export type Judgement = "better" | "worse" | "same" | "unknown";

/**
 * Changes within `tolerance` percent are the same: run-to-run noise is a few percent. When the baseline is
 * zero there is no percentage, so any change at all counts.
 */
export function judge(metric: string, delta: Delta | undefined, tolerance = 2): Judgement {
  if (!delta || delta.absolute === null) return "unknown";
  if (delta.percent === null ? delta.absolute === 0 : Math.abs(delta.percent) < tolerance) return "same";
  const up = delta.absolute > 0;
  return up === higherIsBetter(metric) ? "better" : "worse";
}
