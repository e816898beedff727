// Compares results against a baseline: the same metrics read from each, and their deltas (absolute and %),
// with warnings where the comparison is shaky (other profiles, other load, unfinished or partial runs).
import type { PerformanceResult } from "@meshplane/db/queries";

export const COMPARED_METRICS = [
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
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

type Values = Record<ComparedMetric, number | null>;
type Delta = { absolute: number | null; percent: number | null };

export type CompareEntry = {
  id: string;
  name: string;
  profileId: string;
  status: string;
  startedAt: string;
  baseline: boolean;
  values: Values;
  deltas: Record<ComparedMetric, Delta>;
};

type Stored = { summary?: { rps?: number; errorRate?: number; connections?: number; rate?: number | null } };

const finite = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

export function valuesOf(row: PerformanceResult): Values {
  const summary = (row.runnerResults as Stored).summary ?? {};
  const values = {} as Values;
  for (const metric of COMPARED_METRICS) {
    if (metric === "rps") values.rps = finite(summary.rps);
    else if (metric === "errorRate") values.errorRate = finite(summary.errorRate);
    else values[metric] = finite(row.percentiles[metric]);
  }
  return values;
}

function deltaOf(value: number | null, base: number | null): Delta {
  if (value === null || base === null) return { absolute: null, percent: null };
  return { absolute: value - base, percent: base === 0 ? null : ((value - base) / base) * 100 };
}

function statusOf(row: PerformanceResult): string {
  if (row.status === "completed") return row.passed ? "passed" : "failed";
  return row.status;
}

function entryOf(row: PerformanceResult, base: Values): CompareEntry {
  const values = valuesOf(row);
  const deltas = {} as Record<ComparedMetric, Delta>;
  for (const metric of COMPARED_METRICS) deltas[metric] = deltaOf(values[metric], base[metric]);
  return {
    id: row.id,
    name: row.name,
    profileId: row.profileId,
    status: statusOf(row),
    startedAt: row.startedAt.toISOString(),
    baseline: row.isBaseline,
    values,
    deltas,
  };
}

function loadOf(row: PerformanceResult): string {
  const summary = (row.runnerResults as Stored).summary;
  if (!summary) return "unknown";
  return `${summary.connections ?? "?"} connections at ${summary.rate ? `${summary.rate} rps` : "full speed"}`;
}

export function compareResults(baseline: PerformanceResult, results: PerformanceResult[]) {
  const base = valuesOf(baseline);
  const warnings: string[] = [];
  for (const row of [baseline, ...results]) {
    const label = `"${row.name}" (${row.id})`;
    if (row.status === "running") warnings.push(`${label} is still running: its numbers are not final`);
    if (row.status === "errored") warnings.push(`${label} errored: it measured nothing to compare`);
    if ((row.runnerResults as { partial?: boolean }).partial === true) {
      warnings.push(`${label} ended early: it covers only part of its duration`);
    }
  }
  for (const row of results) {
    if (row.id === baseline.id) continue;
    const label = `"${row.name}" (${row.id})`;
    if (row.profileId !== baseline.profileId) {
      warnings.push(`${label} comes from another profile than the baseline: the runs may not be comparable`);
    } else if (loadOf(row) !== loadOf(baseline)) {
      warnings.push(`${label} ran ${loadOf(row)}, the baseline ${loadOf(baseline)}`);
    }
  }
  return {
    metrics: [...COMPARED_METRICS],
    baseline: entryOf(baseline, base),
    results: results.map((row) => entryOf(row, base)),
    warnings,
  };
}
