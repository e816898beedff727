// What the definitions say the design's components should be related by, from the components alone.

import type { Identification, IdentifyContext } from "./candidates";
import type { ComponentFactory } from "./component-factory";
import type { ComponentIndex } from "./component-index";
import type { RelationshipDefinition } from "./definition";
import { identifyBindings } from "./identify-binding";
import { identifyAliases, identifySiblings } from "./identify-groups";
import { identifyPairs } from "./identify-pairwise";
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

export function identifyRelationships(
  definitions: readonly RelationshipDefinition[],
  index: ComponentIndex,
  createComponent: ComponentFactory,
): Identification {
  const found: Identification = { candidates: new Map(), missingParents: new Map() };
  const context: IdentifyContext = { index, createComponent, found };
  for (const definition of definitions) {
    identifiers[policyOf(definition)](definition, context);
  }
  return found;
}
