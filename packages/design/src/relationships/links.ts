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
  /** Names what each side's keys are computed from, so links sharing refs share the work. */
  signatures: { mutator: string; mutated: string };
};

export function linkOf(
  mutatorRefs: readonly Path[],
  mutatedRefs: readonly Path[],
  matrix: readonly (readonly MatchStrategyName[])[] | undefined,
): Link | undefined {
  if (mutatorRefs.length === 0 || mutatorRefs.length !== mutatedRefs.length) return undefined;
  const names = mutatorRefs.map((_, i) => matrix?.[i]?.[0] ?? "equal");
  return {
    mutatorRefs,
    mutatedRefs,
    strategies: names.map(matchStrategy),
    signatures: {
      mutator: JSON.stringify(["lookup", names, mutatorRefs]),
      mutated: JSON.stringify(["index", names, mutatedRefs]),
    },
  };
}

/** Keys computed once per component and signature within one identification. */
export class LinkKeys {
  private readonly bySignature = new Map<string, Map<string, string[]>>();

  get(signature: string, component: Component, compute: () => string[]): string[] {
    let known = this.bySignature.get(signature);
    if (!known) {
      known = new Map();
      this.bySignature.set(signature, known);
    }
    let keys = known.get(component.id);
    if (!keys) {
      keys = compute();
      known.set(component.id, keys);
    }
    return keys;
  }
}

const SEPARATOR = "\u0000";

// Keys of a multi-pair link are the combinations of each pair's keys; real refs yield a handful per pair.
function keysOf(component: Component, refs: readonly Path[], keyer: (i: number, v: unknown[]) => string[]) {
  let combined: string[] = [];
  for (let i = 0; i < refs.length; i++) {
    const keys = keyer(i, valuesAt(component, refs[i] as Path));
    if (keys.length === 0) return [];
    if (i === 0) {
      combined = keys;
      continue;
    }
    const next: string[] = [];
    for (const prefix of combined) for (const key of keys) next.push(prefix + SEPARATOR + key);
    combined = next;
  }
  return combined;
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
  cache: LinkKeys = new LinkKeys(),
): [Component, Component][] {
  if (mutators.length === 0 || mutated.length === 0) return [];
  const index = new Map<string, Component[]>();
  for (const component of mutated) {
    const keys = cache.get(link.signatures.mutated, component, () =>
      keysOf(component, link.mutatedRefs, (i, values) =>
        (link.strategies[i] as MatchStrategy).indexKeys(values),
      ),
    );
    for (const key of keys.length > 1 ? new Set(keys) : keys) {
      const filed = index.get(key);
      if (filed) filed.push(component);
      else index.set(key, [component]);
    }
  }
  const pairs: [Component, Component][] = [];
  for (const mutator of mutators) {
    const keys = cache.get(link.signatures.mutator, mutator, () =>
      keysOf(mutator, link.mutatorRefs, (i, values) =>
        (link.strategies[i] as MatchStrategy).lookupKeys(values),
      ),
    );
    // Only several keys can reach one candidate twice; most mutators have a single key.
    const seen = keys.length > 1 ? new Set<string>() : undefined;
    for (const key of keys) {
      for (const candidate of index.get(key) ?? []) {
        if (candidate.id === mutator.id || seen?.has(candidate.id)) continue;
        seen?.add(candidate.id);
        if (linkHolds(link, mutator, candidate)) pairs.push([mutator, candidate]);
      }
    }
  }
  return pairs;
}
