// Times evaluateRelationships on synthetic designs of growing size and prints one JSON line per size.
import { performance } from "node:perf_hooks";
import { builtInRelationshipDefinitions, evaluateRelationships } from "../src/relationships/index";
import { syntheticDesign } from "../src/relationships/synthetic-design";

const SIZES = [100, 1_000, 10_000];
// Fewer runs for the larger designs keep the whole bench under a minute on two cores. The JIT settles
// only after a few dozen evaluations, hence the long warm-up for the small designs.
const RUNS: Record<number, { warmUp: number; timed: number }> = {
  100: { warmUp: 60, timed: 31 },
  1000: { warmUp: 20, timed: 15 },
  10000: { warmUp: 2, timed: 5 },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

const definitions = builtInRelationshipDefinitions();
for (const size of SIZES) {
  const design = syntheticDesign(size);
  const { warmUp, timed: runs } = RUNS[size] ?? { warmUp: 2, timed: 5 };
  for (let i = 0; i < warmUp; i++) evaluateRelationships(design, definitions);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let relationships = 0;
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = evaluateRelationships(design, definitions);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    relationships = result.design.relationships.length;
  }
  const ms = round(median(times));
  // CPU time next to wall time: on a shared machine the wall clock also counts other processes' turns.
  const cpuMs = round(median(cpuTimes));
  console.log(JSON.stringify({ bench: "relationships", components: size, ms, cpuMs, runs, relationships }));
}
