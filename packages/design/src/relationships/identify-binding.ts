// Binding relationships: from and to each match a third component that binds them (RoleBinding, NetworkPolicy).
import type { Component } from "../format/schema";
import { describe, type IdentifyContext, propose } from "./candidates";
import { denied } from "./component-index";
import {
  type MatchItem,
  type RelationshipDefinition,
  relationshipClass,
  type SelectorItem,
} from "./definition";
import { instanceItem, relationshipInstance } from "./instances";
import { type Link, linkedPairs, linkOf } from "./links";

const SELF = "self";

/** How one side of a binding reaches the binding component: which match item is the selector's own. */
type Binding = { kind: string; link: Link; selfIsMutator: boolean; self: MatchItem; other: MatchItem };

export function bindingOf(item: SelectorItem): Binding | undefined {
  const first = item.match?.from?.[0];
  const second = item.match?.to?.[0];
  if (!first || !second || (first.kind === SELF) === (second.kind === SELF)) return undefined;
  const [self, other] = first.kind === SELF ? [first, second] : [second, first];
  const matrix = item.matchStrategyMatrix;
  if (self.mutatorRef && other.mutatedRef) {
    const link = linkOf(self.mutatorRef, other.mutatedRef, matrix);
    return link && { kind: other.kind, link, selfIsMutator: true, self, other };
  }
  if (other.mutatorRef && self.mutatedRef) {
    const link = linkOf(other.mutatorRef, self.mutatedRef, matrix);
    return link && { kind: other.kind, link, selfIsMutator: false, self, other };
  }
  return undefined;
}

// Loaded definitions are frozen, so an item's binding is worked out once, not every round.
const bindings = new WeakMap<SelectorItem, Binding | null>();

function bindingOnce(item: SelectorItem): Binding | undefined {
  if (!Object.isFrozen(item)) return bindingOf(item);
  let binding = bindings.get(item);
  if (binding === undefined) {
    binding = bindingOf(item) ?? null;
    bindings.set(item, binding);
  }
  return binding ?? undefined;
}

/** Components of the item's side, grouped by the binding component each one matches. */
function sideByBinding(item: SelectorItem, binding: Binding, context: IdentifyContext) {
  const own = context.index.candidates(item);
  const binders = context.index.candidates({ kind: binding.kind });
  const pairs = binding.selfIsMutator
    ? linkedPairs(binding.link, own, binders, context.keys).map(([self, binder]) => [self, binder] as const)
    : linkedPairs(binding.link, binders, own, context.keys).map(([binder, self]) => [self, binder] as const);
  const grouped = new Map<string, Component[]>();
  for (const [self, binder] of pairs) {
    const group = grouped.get(binder.id);
    if (group) group.push(self);
    else grouped.set(binder.id, [self]);
  }
  return grouped;
}

function boundItem(component: Component, binder: Component, item: SelectorItem, binding: Binding) {
  // Shallow: the refs inside are the definition's, shared as instanceItem shares patches.
  const withId = (side: MatchItem) => ({ ...side, id: side === binding.self ? component.id : binder.id });
  const match = item.match ?? {};
  return instanceItem(component, item, {
    match: { from: (match.from ?? []).map(withId), to: (match.to ?? []).map(withId) },
  });
}

export function identifyBindings(definition: RelationshipDefinition, context: IdentifyContext): void {
  const className = relationshipClass(definition);
  for (const set of definition.selectors) {
    const sides = new Map<SelectorItem, Map<string, Component[]>>();
    const side = (item: SelectorItem, binding: Binding) => {
      let grouped = sides.get(item);
      if (!grouped) {
        grouped = sideByBinding(item, binding, context);
        sides.set(item, grouped);
      }
      return grouped;
    };
    for (const from of set.allow.from) {
      const fromBinding = bindingOnce(from);
      if (!fromBinding) continue;
      for (const to of set.allow.to) {
        const toBinding = bindingOnce(to);
        if (!toBinding || toBinding.kind !== fromBinding.kind) continue;
        const froms = side(from, fromBinding);
        const tos = side(to, toBinding);
        for (const binder of context.index.candidates({ kind: fromBinding.kind })) {
          for (const fromComponent of froms.get(binder.id) ?? []) {
            for (const toComponent of tos.get(binder.id) ?? []) {
              if (fromComponent.id === toComponent.id || denied(set.deny, fromComponent, toComponent))
                continue;
              const identity = {
                className,
                fromIds: [fromComponent.id],
                toIds: [toComponent.id],
                bindingIds: [binder.id],
              };
              propose(context, identity, {
                build: (key) =>
                  relationshipInstance(
                    definition,
                    [boundItem(fromComponent, binder, from, fromBinding)],
                    [boundItem(toComponent, binder, to, toBinding)],
                    key,
                    identity,
                  ),
                reason: () =>
                  `${describe(fromComponent)} → ${describe(toComponent)} through ${describe(binder)}: ${definition.metadata.description}`,
              });
            }
          }
        }
      }
    }
  }
}
