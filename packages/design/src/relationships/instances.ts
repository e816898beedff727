// Relationship declarations as a design holds them: built from a definition, and read back into what they join.
import type { Component, Relationship } from "../format/schema";
import { uuidFromSeed } from "./content-hash";
import { type RelationshipDefinition, relationshipClass, type SelectorItem } from "./definition";
import { type PolicyName, policyOf } from "./policy";

export type InstanceItem = Record<string, unknown> & { id: string; kind: string };

/** The parts of a declared relationship the engine reasons about; `key` is its identity. */
export type Anatomy = {
  policy: PolicyName;
  className: string;
  fromIds: string[];
  toIds: string[];
  bindingIds: string[];
  from: Record<string, unknown>[];
  to: Record<string, unknown>[];
  key: string;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];
const idOf = (item: Record<string, unknown>) => (typeof item.id === "string" ? item.id : "");

function modelReferenceOf(component: Component): Record<string, unknown> {
  return component.modelReference ?? { name: component.model.name };
}

/**
 * A selector item naming one component; the definition's refs travel with it so the declaration explains
 * itself. Model references, patches and metadata are shared with the definition and the component, as
 * imported components share their model: the engine replaces declarations, it never edits them.
 */
export function instanceItem(
  component: Component,
  item: SelectorItem,
  extra?: Record<string, unknown>,
): InstanceItem {
  const out: InstanceItem = {
    id: component.id,
    kind: component.component.kind,
    model: modelReferenceOf(component),
  };
  if (item.patch) out.patch = item.patch;
  if (item.matchStrategyMatrix) out.matchStrategyMatrix = item.matchStrategyMatrix;
  return extra ? Object.assign(out, extra) : out;
}

/** What makes two declarations the same relationship, whatever their ids. */
export type RelationshipIdentity = {
  className: string;
  fromIds: readonly string[];
  toIds: readonly string[];
  bindingIds: readonly string[];
  /** Set for siblings: one group of components may share two labels. */
  discriminator?: string;
};

export function relationshipKey(identity: RelationshipIdentity): string {
  const sorted = (ids: readonly string[]) => (ids.length < 2 ? (ids[0] ?? "") : [...ids].sort().join(","));
  return `${identity.className}|${sorted(identity.fromIds)}|${sorted(identity.toIds)}|${sorted(identity.bindingIds)}|${identity.discriminator ?? ""}`;
}

/**
 * The id is a function of the key, so re-evaluating never mints a new one. The anatomy is known
 * from the identity it was built for, so it is remembered rather than read back.
 */
export function relationshipInstance(
  definition: RelationshipDefinition,
  from: InstanceItem[],
  to: InstanceItem[],
  key: string,
  identity: RelationshipIdentity,
): Relationship {
  const relationship: Relationship = {
    id: uuidFromSeed(key),
    schemaVersion: definition.schemaVersion,
    version: definition.version,
    kind: definition.kind,
    type: definition.type,
    subType: definition.subType,
    status: "approved",
    metadata: definition.metadata,
    model: definition.model,
    selectors: [{ allow: { from, to }, deny: NOTHING_DENIED }],
  };
  anatomies.set(relationship, {
    policy: policyOf(definition),
    className: identity.className,
    // Shared, not copied: identities are built fresh for each candidate and never edited afterwards.
    fromIds: identity.fromIds as string[],
    toIds: identity.toIds as string[],
    bindingIds: identity.bindingIds as string[],
    from,
    to,
    key,
  });
  return relationship;
}

// Every declaration denies nothing; one frozen value is shared rather than thousands of empty ones.
const NOTHING_DENIED = Object.freeze({ from: Object.freeze([]), to: Object.freeze([]) });

const anatomies = new WeakMap<Relationship, Anatomy>();

/** Reads a declaration once; the engine never mutates what it has read, it replaces it. */
export function anatomyOf(relationship: Relationship): Anatomy {
  const known = anatomies.get(relationship);
  if (known) return known;
  const from: Record<string, unknown>[] = [];
  const to: Record<string, unknown>[] = [];
  for (const set of records(relationship.selectors)) {
    const allow = isRecord(set.allow) ? set.allow : {};
    from.push(...records(allow.from));
    to.push(...records(allow.to));
  }
  const bindingIds = new Set<string>();
  for (const item of [...from, ...to]) {
    const match = isRecord(item.match) ? item.match : {};
    for (const side of [...records(match.from), ...records(match.to)]) {
      if (side.kind !== "self" && idOf(side) !== "") bindingIds.add(idOf(side));
    }
  }
  const policy = policyOf(relationship);
  const className = relationshipClass(relationship);
  const fromIds = from.map(idOf);
  const toIds = to.map(idOf);
  const identity = { className, fromIds, toIds, bindingIds: [...bindingIds] };
  // A sibling group is also defined by the value it shares: two labels can group the same components.
  const discriminator =
    policy === "sibling" ? siblingDiscriminator(patchRefs(from[0], "mutatorRef")) : undefined;
  const anatomy: Anatomy = {
    policy,
    ...identity,
    from,
    to,
    key: relationshipKey({ ...identity, discriminator }),
  };
  anatomies.set(relationship, anatomy);
  return anatomy;
}

export function siblingDiscriminator(refs: readonly (readonly string[])[]): string {
  return JSON.stringify(refs);
}

export function patchRefs(
  item: Record<string, unknown> | undefined,
  side: "mutatorRef" | "mutatedRef",
): string[][] {
  const patch = item && isRecord(item.patch) ? item.patch : {};
  const refs = patch[side];
  return Array.isArray(refs) ? refs.filter((r): r is string[] => Array.isArray(r)) : [];
}

/** Every component id a declaration depends on. */
export function referencedIds(anatomy: Anatomy): string[] {
  return [...new Set([...anatomy.fromIds, ...anatomy.toIds, ...anatomy.bindingIds])];
}
