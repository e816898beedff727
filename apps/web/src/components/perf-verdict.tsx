// A result's verdict as a coloured tag: Pass, Fail, Errored, Running, or done without thresholds.
import type { RunFacts } from "../lib/performance-read";
import { verdictLabel } from "../lib/performance-read";

export function PerfVerdict({ facts }: { facts: RunFacts }) {
  const verdict = verdictLabel(facts);
  return (
    <span className={`perf-verdict perf-tone-${verdict.tone}`} data-testid="verdict" data-state={facts.state}>
      {verdict.text}
    </span>
  );
}

/** The profile's load model in a few words: "closed, 10 connections" or "open, 200/s over 4 connections". */
export function modelText(qps: number, connections: number): string {
  const plural = connections === 1 ? "connection" : "connections";
  return qps > 0 ? `open, ${qps}/s over ${connections} ${plural}` : `closed, ${connections} ${plural}`;
}
