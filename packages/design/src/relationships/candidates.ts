// Relationships the identification proposes, and the parents it finds missing, before the engine applies them.
import type { Component, Relationship } from "../format/schema";
import type { ComponentFactory } from "./component-factory";
import type { ComponentIndex } from "./component-index";
import { type RelationshipIdentity, relationshipKey } from "./instances";
import type { LinkKeys } from "./links";

/** Built only when the relationship is missing from the design: most candidates already exist. */
export type Candidate = {
  identity: RelationshipIdentity;
  build: (key: string) => Relationship;
  reason: () => string;
  /** A component the relationship brings with it (an alias node) when the design lacks it. */
  creates?: () => Component | undefined;
};

/** A parent that children name but the design lacks, with the values that make the children match it. */
export type MissingParent = {
  id: string;
  kind: string;
  model: string;
  displayName: string;
  fields: { path: string[]; value: unknown }[];
  reason: string;
};

export type Identification = {
  candidates: Map<string, Candidate>;
  missingParents: Map<string, MissingParent>;
};

export type IdentifyContext = {
  index: ComponentIndex;
  keys: LinkKeys;
  createComponent: ComponentFactory;
  found: Identification;
};

/** Keeps the first candidate for a key: two definitions of one class may find the same pair. */
export function propose(
  context: IdentifyContext,
  identity: RelationshipIdentity,
  candidate: Omit<Candidate, "identity"> & { identity?: RelationshipIdentity },
): void {
  const key = relationshipKey(identity);
  if (context.found.candidates.has(key)) return;
  candidate.identity = identity;
  context.found.candidates.set(key, candidate as Candidate);
}

export function describe(component: Component): string {
  const namespace = (component.configuration.metadata as { namespace?: unknown } | undefined)?.namespace;
  const scope = typeof namespace === "string" ? `${namespace}/` : "";
  return `${component.component.kind} ${scope}${component.displayName}`;
}
