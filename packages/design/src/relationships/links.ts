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
  /** Every pair matches by equality: then two components sharing an unambiguous key already match. */
  byKeysAlone: boolean;
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
    byKeysAlone: names.every((name) => name === "equal"),
    signatures: {
      mutator: JSON.stringify(["lookup", names, mutatorRefs]),
      mutated: JSON.stringify(["index", names, mutatedRefs]),
    },
  };
}

/**
 * What one side of a link reads of a component: the keys, and the values at each ref when a shared key
 * does not settle the match by itself. Readings live through a whole identification, so they keep little.
 */
type Reading = { values: unknown[][] | undefined; keys: string[] };

/** Readings computed once per component and signature within one identification. */
export class LinkKeys {
  private readonly bySignature = new Map<string, Map<string, Reading>>();

  /** The readings already made under a signature, by component id. */
  of(signature: string): Map<string, Reading> {
    let known = this.bySignature.get(signature);
    if (!known) {
      known = new Map();
      this.bySignature.set(signature, known);
    }
    return known;
  }
}

const SEPARATOR = "\u0000";

// Keys of a multi-pair link are the combinations of each pair's keys; real refs yield a handful per pair.
function readingOf(component: Component, link: Link, side: "index" | "lookup"): Reading {
  const refs = side === "index" ? link.mutatedRefs : link.mutatorRefs;
  // Indexed loops in this file: it runs per candidate pair, and iterators showed up as allocations.
  const values: unknown[][] = [];
  for (let i = 0; i < refs.length; i++) values.push(valuesAt(component, refs[i] as Path));
  let combined: string[] = [];
  for (let i = 0; i < refs.length; i++) {
    const strategy = link.strategies[i] as MatchStrategy;
    const keys =
      side === "index" ? strategy.indexKeys(values[i] ?? []) : strategy.lookupKeys(values[i] ?? []);
    if (keys.length === 0) return NO_KEYS;
    if (i === 0) {
      combined = keys;
      continue;
    }
    const next: string[] = [];
    for (let p = 0; p < combined.length; p++)
      for (let k = 0; k < keys.length; k++)
        next.push((combined[p] as string) + SEPARATOR + (keys[k] as string));
    combined = next;
  }
  // Equal keys of equality pairs mean equal values, unless a value holds the separator and so blurs
  // where one pair's key ends: such readings keep their values for a full check.
  const unambiguous =
    link.byKeysAlone && (refs.length === 1 || separatorsOnlyBetweenPairs(combined, refs.length));
  return { values: unambiguous ? undefined : values, keys: combined };
}

/** A combined key of n pairs has n - 1 separators; any more come from the values themselves. */
function separatorsOnlyBetweenPairs(keys: readonly string[], pairs: number): boolean {
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    let separators = 0;
    for (let at = key.indexOf(SEPARATOR); at !== -1; at = key.indexOf(SEPARATOR, at + 1)) separators++;
    if (separators !== pairs - 1) return false;
  }
  return true;
}

const NO_KEYS: Reading = Object.freeze({ values: undefined, keys: Object.freeze([]) as unknown as string[] });

/** Both readings key-only: the shared key they were found by is the match. Otherwise the values decide. */
function readingHolds(
  link: Link,
  mutator: Component,
  mutatorReading: Reading,
  mutated: Component,
  mutatedReading: Reading,
): boolean {
  if (mutatorReading.values === undefined && mutatedReading.values === undefined) return true;
  for (let i = 0; i < link.strategies.length; i++) {
    const strategy = link.strategies[i] as MatchStrategy;
    const mutatorValues = mutatorReading.values?.[i] ?? valuesAt(mutator, link.mutatorRefs[i] as Path);
    const mutatedValues = mutatedReading.values?.[i] ?? valuesAt(mutated, link.mutatedRefs[i] as Path);
    if (!strategy.holds(mutatorValues, mutatedValues)) return false;
  }
  return true;
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
  // Each candidate is filed with its reading, so checking a pair reads neither component again.
  const index = new Map<string, { component: Component; reading: Reading }[]>();
  const indexReadings = cache.of(link.signatures.mutated);
  const lookupReadings = cache.of(link.signatures.mutator);
  for (let m = 0; m < mutated.length; m++) {
    const component = mutated[m] as Component;
    let reading = indexReadings.get(component.id);
    if (!reading) {
      reading = readingOf(component, link, "index");
      indexReadings.set(component.id, reading);
    }
    const { keys } = reading;
    const entry = { component, reading };
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      // A component is filed once per distinct key; keys repeat only when a ref reaches several values.
      if (k > 0 && keys.indexOf(key) < k) continue;
      const filed = index.get(key);
      if (filed) filed.push(entry);
      else index.set(key, [entry]);
    }
  }
  const pairs: [Component, Component][] = [];
  for (let m = 0; m < mutators.length; m++) {
    const mutator = mutators[m] as Component;
    let reading = lookupReadings.get(mutator.id);
    if (!reading) {
      reading = readingOf(mutator, link, "lookup");
      lookupReadings.set(mutator.id, reading);
    }
    const { keys } = reading;
    // Only several keys can reach one candidate twice; most mutators have a single key.
    const seen = keys.length > 1 ? new Set<string>() : undefined;
    for (let k = 0; k < keys.length; k++) {
      const filed = index.get(keys[k] as string);
      if (!filed) continue;
      for (let f = 0; f < filed.length; f++) {
        const { component: candidate, reading: candidateReading } = filed[f] as (typeof filed)[number];
        if (candidate.id === mutator.id || seen?.has(candidate.id)) continue;
        seen?.add(candidate.id);
        if (readingHolds(link, mutator, reading, candidate, candidateReading))
          pairs.push([mutator, candidate]);
      }
    }
  }
  return pairs;
}
