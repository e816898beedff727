// One round of evaluation: identify, validate what exists, add what is missing. Rounds repeat until nothing changes.
import type { ComponentFactory } from "./component-factory";
import { ComponentIndex } from "./component-index";
import type { RelationshipDefinition } from "./definition";
import type { DesignState } from "./design-state";
import { type IdentificationMemo, identifyRelationships } from "./identify";
import { anatomyOf } from "./instances";
import { setValueAt } from "./paths";
import { validateRelationships } from "./validate";

export type PassContext = {
  definitions: readonly RelationshipDefinition[];
  memo: IdentificationMemo;
  evaluatedClasses: ReadonlySet<string>;
  createComponent: ComponentFactory;
};

/**
 * Runs one round and says whether the design is now stable. A round that changed no component is the last:
 * identification reads only components, so the next round would find exactly what this one just applied.
 */
export function runEvaluationPass(
  state: DesignState,
  context: PassContext,
  changedKinds?: ReadonlySet<string>,
): { stable: boolean } {
  const before = state.componentChangeCount;
  const index = new ComponentIndex([...state.components.values()]);
  const found = identifyRelationships(
    context.definitions,
    index,
    context.createComponent,
    context.memo,
    changedKinds,
  );

  validateRelationships(state, found, context.evaluatedClasses);

  const present = new Set<string>();
  for (const relationship of state.relationships.values()) present.add(anatomyOf(relationship).key);
  // forEach rather than for-of over entries: no [key, value] array per candidate.
  found.candidates.forEach((candidate, key) => {
    if (present.has(key)) return;
    if (candidate.creates) {
      const created = candidate.creates();
      if (!created) return;
      if (!state.components.has(created.id)) state.addComponent(created, candidate.reason());
    }
    // A component removed earlier in this round is gone; the next round sees the design as it is now.
    const { fromIds, toIds, bindingIds } = candidate.identity;
    if (!allIn(state, fromIds) || !allIn(state, toIds) || !allIn(state, bindingIds)) return;
    state.addRelationship(candidate.build(key), candidate.reason());
  });

  for (const parent of found.missingParents.values()) {
    if (state.components.has(parent.id)) continue;
    const component = context.createComponent({
      id: parent.id,
      kind: parent.kind,
      model: parent.model,
      displayName: parent.displayName,
      isAnnotation: false,
    });
    if (!component) continue;
    for (const field of parent.fields) setValueAt(component, field.path, structuredClone(field.value));
    state.addComponent(component, parent.reason);
  }
  return { stable: state.componentChangeCount === before };
}

function allIn(state: DesignState, ids: readonly string[]): boolean {
  for (const id of ids) if (!state.components.has(id)) return false;
  return true;
}
