// Which mutator components match which mutated components under a list of ref pairs, found by hash lookups.
import type { Component } from "../format/schema";
import type { Path } from "./definition";
import { type MatchStrategy, type MatchStrategyName, matchStrategy } from "./match-strategies";
import { valuesAt } from "./paths";

/** Ref pair i joins mutatorRefs[i] to mutatedRefs[i] under strategies[i]; a link holds when every pair holds. */
export type Link = {
  mutatorRefs: readonly Path[];
  mutatedRefs: readonly Path[];
  strategies: readonly MatchStrategy[];
};

export function linkOf(
  mutatorRefs: readonly Path[],
  mutatedRefs: readonly Path[],
  matrix: readonly (readonly MatchStrategyName[])[] | undefined,
): Link | undefined {
  if (mutatorRefs.length === 0 || mutatorRefs.length !== mutatedRefs.length) return undefined;
  return { mutatorRefs, mutatedRefs, strategies: mutatorRefs.map((_, i) => matchStrategy(matrix?.[i]?.[0])) };
}

const SEPARATOR = "\u0000";

// Keys of a multi-pair link are the combinations of each pair's keys; real refs yield a handful per pair.
function combinations(keySets: readonly string[][]): string[] {
  let combined = [""];
  for (const [i, keys] of keySets.entries()) {
    combined = combined.flatMap((prefix) => keys.map((key) => (i === 0 ? key : prefix + SEPARATOR + key)));
  }
  return combined;
}

function keysOf(component: Component, refs: readonly Path[], keyer: (i: number, v: unknown[]) => string[]) {
  const keySets: string[][] = [];
  for (const [i, ref] of refs.entries()) {
    const keys = keyer(i, valuesAt(component, ref));
    if (keys.length === 0) return [];
    keySets.push(keys);
  }
  return combinations(keySets);
}

export function linkHolds(link: Link, mutator: Component, mutated: Component): boolean {
  return link.strategies.every((strategy, i) =>
    strategy.holds(
      valuesAt(mutator, link.mutatorRefs[i] as Path),
      valuesAt(mutated, link.mutatedRefs[i] as Path),
    ),
  );
}

/** Whether the component has a value at every mutated ref (so it is looking for a mutator). */
export function hasMutatedValues(link: Link, component: Component): boolean {
  return link.mutatedRefs.every((ref) => valuesAt(component, ref).length > 0);
}

/** Every (mutator, mutated) pair that holds, mutators in the given order, each pair once, never a component with itself. */
export function linkedPairs(
  link: Link,
  mutators: readonly Component[],
  mutated: readonly Component[],
): [Component, Component][] {
  const index = new Map<string, Component[]>();
  for (const component of mutated) {
    const keys = keysOf(component, link.mutatedRefs, (i, values) =>
      (link.strategies[i] as MatchStrategy).indexKeys(values),
    );
    for (const key of new Set(keys)) {
      const filed = index.get(key);
      if (filed) filed.push(component);
      else index.set(key, [component]);
    }
  }
  const pairs: [Component, Component][] = [];
  for (const mutator of mutators) {
    const keys = keysOf(mutator, link.mutatorRefs, (i, values) =>
      (link.strategies[i] as MatchStrategy).lookupKeys(values),
    );
    const seen = new Set<string>();
    for (const key of keys) {
      for (const candidate of index.get(key) ?? []) {
        if (candidate.id === mutator.id || seen.has(candidate.id)) continue;
        seen.add(candidate.id);
        if (linkHolds(link, mutator, candidate)) pairs.push([mutator, candidate]);
      }
    }
  }
  return pairs;
}
