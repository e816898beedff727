// What the definitions say the design's components should be related by, from the components alone.

import type { Identification, IdentifyContext } from "./candidates";
import type { ComponentFactory } from "./component-factory";
import type { ComponentIndex } from "./component-index";
import type { RelationshipDefinition } from "./definition";
import { identifyBindings } from "./identify-binding";
import { identifyAliases, identifySiblings } from "./identify-groups";
import { identifyPairs } from "./identify-pairwise";
import { LinkKeys } from "./links";
import { type PolicyName, policyOf } from "./policy";

const identifiers: Record<
  PolicyName,
  (definition: RelationshipDefinition, context: IdentifyContext) => void
> = {
  pairwise: identifyPairs,
  binding: identifyBindings,
  alias: identifyAliases,
  sibling: identifySiblings,
};

/** What each definition found, kept between rounds so the definitions a change cannot affect are not run again. */
export type IdentificationMemo = Map<RelationshipDefinition, Identification>;

/**
 * Runs every definition on the first round; later rounds re-run only those whose selectors admit a kind
 * that changed, since a definition reads nothing but the components its selectors admit.
 */
export function identifyRelationships(
  definitions: readonly RelationshipDefinition[],
  index: ComponentIndex,
  createComponent: ComponentFactory,
  memo: IdentificationMemo,
  changedKinds?: ReadonlySet<string>,
): Identification {
  const keys = new LinkKeys();
  const merged: Identification = { candidates: new Map(), missingParents: new Map() };
  for (const definition of definitions) {
    let found = memo.get(definition);
    if (!found || !changedKinds || admitsAnyKind(definition, changedKinds)) {
      found = { candidates: new Map(), missingParents: new Map() };
      identifiers[policyOf(definition)](definition, { index, keys, createComponent, found });
      memo.set(definition, found);
    }
    // Definition order decides which of two definitions of one class speaks for a pair, as in a full run.
    // forEach rather than for-of over entries: no [key, value] array per entry, thousands per round.
    found.candidates.forEach((candidate, key) => {
      if (!merged.candidates.has(key)) merged.candidates.set(key, candidate);
    });
    found.missingParents.forEach((parent, id) => {
      if (!merged.missingParents.has(id)) merged.missingParents.set(id, parent);
    });
  }
  return merged;
}

function admitsAnyKind(definition: RelationshipDefinition, kinds: ReadonlySet<string>): boolean {
  const admits = (kind: string) => kind === "*" || kinds.has(kind);
  return definition.selectors.some((set) =>
    [...set.allow.from, ...set.allow.to].some(
      (item) =>
        admits(item.kind) ||
        [...(item.match?.from ?? []), ...(item.match?.to ?? [])].some(
          (side) => side.kind !== "self" && admits(side.kind),
        ),
    ),
  );
}
