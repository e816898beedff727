// One round of evaluation: identify, validate what exists, add what is missing. Rounds repeat until nothing changes.
import type { ComponentFactory } from "./component-factory";
import { ComponentIndex } from "./component-index";
import type { RelationshipDefinition } from "./definition";
import type { DesignState } from "./design-state";
import { identifyRelationships } from "./identify";
import { anatomyOf, referencedIds } from "./instances";
import { setValueAt } from "./paths";
import { validateRelationships } from "./validate";

export type PassContext = {
  definitions: readonly RelationshipDefinition[];
  evaluatedClasses: ReadonlySet<string>;
  createComponent: ComponentFactory;
};

/** Returns how many changes the round made; zero means the design is stable. */
export function runEvaluationPass(state: DesignState, context: PassContext): number {
  const before = state.changeCount;
  const index = new ComponentIndex([...state.components.values()]);
  const found = identifyRelationships(context.definitions, index, context.createComponent);

  validateRelationships(state, found, context.evaluatedClasses);

  const present = new Set([...state.relationships.values()].map((r) => anatomyOf(r).key));
  for (const [key, candidate] of found.candidates) {
    if (present.has(key)) continue;
    const { creates } = candidate;
    if (creates && !state.components.has(creates.id)) {
      state.addComponent(creates, candidate.reason);
    }
    // A component removed earlier in this round is gone; the next round sees the design as it is now.
    if (!referencedIds(anatomyOf(candidate.relationship)).every((id) => state.components.has(id))) continue;
    state.addRelationship(candidate.relationship, candidate.reason);
  }

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
  return state.changeCount - before;
}
