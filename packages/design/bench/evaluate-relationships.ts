// Times evaluateRelationships on synthetic designs of growing size and prints one JSON line per size.
import { performance } from "node:perf_hooks";
import { builtInRelationshipDefinitions, evaluateRelationships } from "../src/relationships/index";
import { syntheticDesign } from "../src/relationships/synthetic-design";

const SIZES = [100, 1_000, 10_000];
// Fewer runs for the larger designs keep the whole bench under a minute on two cores.
const RUNS: Record<number, number> = { 100: 21, 1000: 11, 10000: 5 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const definitions = builtInRelationshipDefinitions();
for (const size of SIZES) {
  const design = syntheticDesign(size);
  const runs = RUNS[size] ?? 5;
  // Warm-up: let the JIT compile the hot paths before anything is measured.
  for (let i = 0; i < Math.max(2, Math.ceil(runs / 3)); i++) evaluateRelationships(design, definitions);
  const times: number[] = [];
  let relationships = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = evaluateRelationships(design, definitions);
    times.push(performance.now() - start);
    relationships = result.design.relationships.length;
  }
  const ms = Math.round(median(times) * 100) / 100;
  console.log(JSON.stringify({ bench: "relationships", components: size, ms, runs, relationships }));
}
