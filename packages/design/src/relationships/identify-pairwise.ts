// Pairwise relationships: one component's mutator values match another's mutated values (edges, inventory).
import type { Component } from "../format/schema";
import { describe, type IdentifyContext, propose } from "./candidates";
import { denied } from "./component-index";
import { uuidFromSeed } from "./content-hash";
import {
  type RelationshipDefinition,
  relationshipClass,
  type SelectorItem,
  type SelectorSet,
} from "./definition";
import { instanceItem, relationshipInstance } from "./instances";
import { hasMutatedValues, type Link, linkedPairs, linkOf } from "./links";
import { matchStrategy } from "./match-strategies";
import { isConcrete, valuesAt } from "./paths";
import { addsMissingParents } from "./policy";

type Oriented = { mutator: SelectorItem; mutated: SelectorItem; mutatorIsFrom: boolean; link: Link };

/** Which side holds the source value; Meshery's data puts it on either side (inventory: on the parent). */
export function orient(from: SelectorItem, to: SelectorItem): Oriented | undefined {
  const fromMutator = from.patch?.mutatorRef;
  const toMutated = to.patch?.mutatedRef;
  if (fromMutator && toMutated) {
    const link = linkOf(fromMutator, toMutated, from.matchStrategyMatrix ?? to.matchStrategyMatrix);
    return link && { mutator: from, mutated: to, mutatorIsFrom: true, link };
  }
  const toMutator = to.patch?.mutatorRef;
  const fromMutated = from.patch?.mutatedRef;
  if (toMutator && fromMutated) {
    const link = linkOf(toMutator, fromMutated, to.matchStrategyMatrix ?? from.matchStrategyMatrix);
    return link && { mutator: to, mutated: from, mutatorIsFrom: false, link };
  }
  return undefined;
}

// Loaded definitions are frozen, so how a pair of their items orients is worked out once, not every round.
const orientations = new WeakMap<SelectorItem, WeakMap<SelectorItem, Oriented | null>>();

function orientedOnce(from: SelectorItem, to: SelectorItem): Oriented | undefined {
  if (!Object.isFrozen(from) || !Object.isFrozen(to)) return orient(from, to);
  let byTo = orientations.get(from);
  if (!byTo) {
    byTo = new WeakMap();
    orientations.set(from, byTo);
  }
  let oriented = byTo.get(to);
  if (oriented === undefined) {
    oriented = orient(from, to) ?? null;
    byTo.set(to, oriented);
  }
  return oriented ?? undefined;
}

export function identifyPairs(definition: RelationshipDefinition, context: IdentifyContext): void {
  for (const set of definition.selectors) {
    for (const from of set.allow.from) {
      for (const to of set.allow.to) {
        const oriented = orientedOnce(from, to);
        if (oriented) identifyOriented(definition, set, from, to, oriented, context);
      }
    }
  }
}

function identifyOriented(
  definition: RelationshipDefinition,
  set: SelectorSet,
  from: SelectorItem,
  to: SelectorItem,
  oriented: Oriented,
  context: IdentifyContext,
): void {
  const className = relationshipClass(definition);
  const mutated = context.index.candidates(oriented.mutated);
  const matched = new Set<string>();
  const pairs = linkedPairs(oriented.link, context.index.candidates(oriented.mutator), mutated, context.keys);
  for (let p = 0; p < pairs.length; p++) {
    const [mutator, target] = pairs[p] as [Component, Component];
    const fromComponent = oriented.mutatorIsFrom ? mutator : target;
    const toComponent = oriented.mutatorIsFrom ? target : mutator;
    if (denied(set.deny, fromComponent, toComponent)) continue;
    matched.add(target.id);
    const identity = { className, fromIds: [fromComponent.id], toIds: [toComponent.id], bindingIds: [] };
    propose(context, identity, {
      build: (key) =>
        relationshipInstance(
          definition,
          [instanceItem(fromComponent, from)],
          [instanceItem(toComponent, to)],
          key,
          identity,
        ),
      reason: () =>
        `${describe(fromComponent)} → ${describe(toComponent)}: ${definition.metadata.description}`,
    });
  }
  if (!addsMissingParents(definition)) return;
  for (const child of mutated) {
    if (matched.has(child.id) || !hasMutatedValues(oriented.link, child)) continue;
    const parent = missingParentOf(child, oriented);
    if (parent && !context.found.missingParents.has(parent.id)) {
      context.found.missingParents.set(parent.id, {
        ...parent,
        reason: `${describe(child)} names ${parent.kind} ${parent.displayName}, which the design lacks`,
      });
    }
  }
}

/** The parent a child names, when its values say exactly what that parent must hold. */
function missingParentOf(child: Component, oriented: Oriented) {
  const { mutator, link } = oriented;
  if (mutator.kind === "*" || link.strategies.some((s) => s !== matchStrategy("equal"))) return undefined;
  const fields: { path: string[]; value: unknown }[] = [];
  for (const [i, ref] of link.mutatedRefs.entries()) {
    const values = valuesAt(child, ref);
    const target = link.mutatorRefs[i] as string[];
    if (values.length !== 1 || !isConcrete(target)) return undefined;
    fields.push({ path: target, value: values[0] });
  }
  const name = fields.find((f) => typeof f.value === "string")?.value;
  if (typeof name !== "string") return undefined;
  const model = mutator.model?.name && mutator.model.name !== "*" ? mutator.model.name : child.model.name;
  const seed = ["component", model, mutator.kind, JSON.stringify(fields)].join("|");
  return { id: uuidFromSeed(seed), kind: mutator.kind, model, displayName: name, fields };
}
