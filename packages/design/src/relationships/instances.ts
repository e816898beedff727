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

/** A selector item naming one component; the definition's refs travel with it so the declaration explains itself. */
export function instanceItem(
  component: Component,
  item: SelectorItem,
  extra: Record<string, unknown> = {},
): InstanceItem {
  const out: InstanceItem = {
    id: component.id,
    kind: component.component.kind,
    model: structuredClone(modelReferenceOf(component)),
  };
  if (item.patch) out.patch = structuredClone(item.patch);
  if (item.matchStrategyMatrix) out.matchStrategyMatrix = structuredClone(item.matchStrategyMatrix);
  return Object.assign(out, extra);
}

export function relationshipInstance(
  definition: RelationshipDefinition,
  from: InstanceItem[],
  to: InstanceItem[],
): Relationship {
  const relationship: Relationship = {
    id: "",
    schemaVersion: definition.schemaVersion,
    version: definition.version,
    kind: definition.kind,
    type: definition.type,
    subType: definition.subType,
    status: "approved",
    metadata: structuredClone(definition.metadata),
    model: structuredClone(definition.model),
    selectors: [{ allow: { from, to }, deny: { from: [], to: [] } }],
  };
  // The id is a function of what the relationship joins, so re-evaluating never mints a new one.
  relationship.id = uuidFromSeed(anatomyOf(relationship).key);
  return relationship;
}

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
  const fromIds = from.map(idOf).sort();
  const toIds = to.map(idOf).sort();
  // A sibling group is also defined by the value it shares: two labels can group the same components.
  const discriminator = policy === "sibling" ? JSON.stringify(patchRefs(from[0], "mutatorRef")) : "";
  const key = [
    className,
    fromIds.join(","),
    toIds.join(","),
    [...bindingIds].sort().join(","),
    discriminator,
  ].join("|");
  const anatomy: Anatomy = { policy, className, fromIds, toIds, bindingIds: [...bindingIds], from, to, key };
  anatomies.set(relationship, anatomy);
  return anatomy;
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
