// A relationship a user asked for (status pending) is made to hold by copying mutator values into the mutated side.
import type { Component } from "../format/schema";
import type { DesignState, PatchMode } from "./design-state";
import type { Anatomy } from "./instances";
import { patchRefs } from "./instances";
import { type Link, linkHolds, linkOf } from "./links";
import type { MatchStrategyName } from "./match-strategies";
import { isConcrete, valueAt, valuesAt } from "./paths";

type Patch = { path: string[]; value: unknown; mode: PatchMode };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function strategyMatrix(item: Record<string, unknown>): MatchStrategyName[][] | undefined {
  return Array.isArray(item.matchStrategyMatrix)
    ? (item.matchStrategyMatrix as MatchStrategyName[][])
    : undefined;
}

function patchStrategy(item: Record<string, unknown>): string | undefined {
  return isPlainObject(item.patch) && typeof item.patch.patchStrategy === "string"
    ? item.patch.patchStrategy
    : undefined;
}

/** Patches the mutated component of a pairwise relationship; false when it cannot be made to hold. */
export function satisfyPending(state: DesignState, anatomy: Anatomy, relationshipId: string): boolean {
  if (anatomy.policy !== "pairwise" || anatomy.from.length !== 1 || anatomy.to.length !== 1) return false;
  const [from, to] = [anatomy.from[0], anatomy.to[0]] as [Record<string, unknown>, Record<string, unknown>];
  const fromIsMutator = patchRefs(from, "mutatorRef").length > 0;
  const [mutatorItem, mutatedItem] = fromIsMutator ? [from, to] : [to, from];
  const link = linkOf(
    patchRefs(mutatorItem, "mutatorRef"),
    patchRefs(mutatedItem, "mutatedRef"),
    strategyMatrix(mutatorItem) ?? strategyMatrix(mutatedItem),
  );
  const mutator = state.components.get(String(mutatorItem.id));
  const mutated = state.components.get(String(mutatedItem.id));
  if (!link || !mutator || !mutated) return false;
  const merge = (patchStrategy(mutatedItem) ?? patchStrategy(mutatorItem)) === "merge";
  const patches = patchesFor(link, mutator, mutated, merge);
  if (!patches) return false;
  for (const patch of patches) {
    const reason = `requested relationship ${relationshipId} needs ${patch.path.join(".")} to match ${mutator.displayName}`;
    state.setComponentValue(mutated.id, patch.path, patch.value, patch.mode, reason);
  }
  // Written components are copies: read the patched one back from the design.
  const patched = state.components.get(mutated.id);
  return patched !== undefined && linkHolds(link, mutator, patched);
}

// Only concrete paths can be written: a wildcard does not say which element the user meant.
function patchesFor(link: Link, mutator: Component, mutated: Component, merge: boolean): Patch[] | undefined {
  const patches: Patch[] = [];
  for (const [i, strategy] of link.strategies.entries()) {
    const mutatorRef = link.mutatorRefs[i] as string[];
    const mutatedRef = link.mutatedRefs[i] as string[];
    if (strategy.holds(valuesAt(mutator, mutatorRef), valuesAt(mutated, mutatedRef))) continue;
    const source = valuesAt(mutator, mutatorRef);
    if (source.length !== 1 || !isConcrete(mutatedRef)) return undefined;
    const current = valueAt(mutated, mutatedRef);
    if (merge && isPlainObject(current) && isPlainObject(source[0])) {
      patches.push({ path: mutatedRef, value: { ...current, ...structuredClone(source[0]) }, mode: "merge" });
    } else patches.push({ path: mutatedRef, value: structuredClone(source[0]), mode: "replace" });
  }
  return patches;
}
