// Comparing results against a baseline: the metrics, their deltas, and whether each delta is better or worse.
// The API's compare route answers in this shape; without it, the same comparison is made here from results.
import { z } from "zod";
import type { PerfResult } from "./performance";
import { readFacts } from "./performance-read";

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

export function deltaOf(value: number | null | undefined, base: number | null | undefined): Delta {
  if (value === null || value === undefined || base === null || base === undefined)
    return { absolute: null, percent: null };
  return { absolute: value - base, percent: base === 0 ? null : ((value - base) / base) * 100 };
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

export function metricValues(result: PerfResult): Record<Metric, number | null> {
  const facts = readFacts(result);
  const values = {} as Record<Metric, number | null>;
  for (const metric of compareMetrics) {
    if (metric === "rps") values[metric] = facts.rps ?? null;
    else if (metric === "errorRate") values[metric] = facts.errorRate;
    else values[metric] = result.percentiles[metric] ?? null;
  }
  return values;
}

/** The comparison made in the web from whole results, for an API that has no compare route yet. */
export function compareLocally(results: PerfResult[], baseline: PerfResult): Comparison {
  const base = metricValues(baseline);
  const entry = (result: PerfResult): CompareEntry => {
    const values = metricValues(result);
    return {
      id: result.id,
      name: result.name,
      profileId: result.profileId,
      status: result.status,
      startedAt: result.startedAt,
      baseline: result.baseline ?? false,
      values,
      deltas: Object.fromEntries(compareMetrics.map((m) => [m, deltaOf(values[m], base[m])])),
    };
  };
  const warnings: string[] = [];
  const all = [baseline, ...results];
  if (new Set(all.map((result) => result.profileId)).size > 1)
    warnings.push("These results come from different profiles: their load and targets may differ.");
  for (const result of all) {
    const state = readFacts(result).state;
    if (state === "running") warnings.push(`“${result.name}” is still running: its numbers are not final.`);
    if (state === "errored") warnings.push(`“${result.name}” errored and measured nothing.`);
  }
  return { baseline: entry(baseline), results: results.map(entry), warnings };
}
