// What the live view polls while a run goes on: the result's progress in a small, browser-safe shape.
import type { PerfResult } from "./performance";
import { readFacts, readSeries, type Second } from "./performance-read";

export type LiveSnapshot = {
  id: string;
  state: "running" | "passed" | "failed" | "errored";
  partial: boolean;
  cause: string | null;
  startedAt: string;
  /** How long the run has gone on, by the server's clock (the browser's may disagree). */
  elapsedMs: number;
  series: Second[];
  p50: number | null;
  p99: number | null;
  requests: number | null;
  rps: number | null;
};

export function liveSnapshot(result: PerfResult, now = Date.now()): LiveSnapshot {
  const facts = readFacts(result);
  const started = Date.parse(result.startedAt);
  const ended = result.finishedAt ? Date.parse(result.finishedAt) : now;
  return {
    id: result.id,
    state: facts.state,
    partial: facts.partial,
    cause: facts.cause,
    startedAt: result.startedAt,
    elapsedMs: Number.isFinite(started) ? Math.max(0, ended - started) : 0,
    series: readSeries(result.series),
    p50: result.percentiles.p50 ?? null,
    p99: result.percentiles.p99 ?? null,
    requests: facts.requests ?? null,
    rps: facts.rps ?? null,
  };
}

/** 0 to 1 through the requested duration; a finished run is complete whatever the clocks say. */
export function progressOf(snapshot: LiveSnapshot, durationMs: number | null): number {
  if (snapshot.state !== "running") return 1;
  if (!durationMs || durationMs <= 0) return 0;
  const bySeries = snapshot.series.length * 1000;
  return Math.min(0.99, Math.max(snapshot.elapsedMs, bySeries) / durationMs);
}
