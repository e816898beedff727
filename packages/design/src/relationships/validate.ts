// Existing relationships checked against the design: stale, dangling and duplicate ones go, requested ones are met.
import type { Relationship } from "../format/schema";
import type { Identification } from "./candidates";
import { uuidFromSeed } from "./content-hash";
import type { DesignState } from "./design-state";
import { type Anatomy, anatomyOf, referencedIds } from "./instances";
import { satisfyPending } from "./pending-patches";

export function validateRelationships(
  state: DesignState,
  found: Identification,
  evaluatedClasses: ReadonlySet<string>,
): void {
  const winners = duplicateWinners([...state.relationships.values()]);
  for (const relationship of [...state.relationships.values()]) {
    const anatomy = anatomyOf(relationship);
    const verdict = judge(state, relationship, anatomy, found, evaluatedClasses, winners);
    if (verdict.remove) {
      state.removeRelationship(relationship.id, verdict.remove);
      if (!verdict.duplicate) removeAliasNode(state, anatomy);
      continue;
    }
    if (verdict.approve) state.setRelationshipStatus(relationship.id, "approved", verdict.approve);
  }
}

/** For keys declared more than once: the declaration whose id the engine would derive wins, else the first. */
function duplicateWinners(relationships: readonly Relationship[]): Map<string, string> {
  // Most keys are declared once: only the repeated ones get a list.
  const first = new Map<string, Relationship>();
  const repeated = new Map<string, Relationship[]>();
  for (const relationship of relationships) {
    const { key } = anatomyOf(relationship);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, relationship);
      continue;
    }
    const same = repeated.get(key);
    if (same) same.push(relationship);
    else repeated.set(key, [earlier, relationship]);
  }
  const winners = new Map<string, string>();
  for (const [key, same] of repeated) {
    const canonical = same.find((r) => r.id === uuidFromSeed(key)) ?? (same[0] as Relationship);
    winners.set(key, canonical.id);
  }
  return winners;
}

type Verdict = { remove?: string; approve?: string; duplicate?: true };

function judge(
  state: DesignState,
  relationship: Relationship,
  anatomy: Anatomy,
  found: Identification,
  evaluatedClasses: ReadonlySet<string>,
  winners: ReadonlyMap<string, string>,
): Verdict {
  const name = `${anatomy.className} relationship`;
  if (relationship.status === "deleted") return { remove: `${name} was marked deleted` };
  if (anatomy.fromIds.length === 0 || anatomy.toIds.length === 0)
    return { remove: `${name} names no components` };
  if (!allPresent(state, anatomy)) {
    const missing = referencedIds(anatomy).filter((id) => !state.components.has(id));
    return { remove: `${name} refers to components no longer in the design: ${missing.join(", ")}` };
  }
  const twin = winners.get(anatomy.key);
  if (twin !== undefined && twin !== relationship.id)
    return { remove: `${name} duplicates ${twin}`, duplicate: true };
  // Classes no definition in scope speaks for (annotations, switched-off layers) are the user's to keep.
  if (!evaluatedClasses.has(anatomy.className)) return {};
  const holds = found.candidates.get(anatomy.key);
  if (relationship.status === "pending") {
    if (holds) return { approve: `${name} holds: ${holds.reason}` };
    if (satisfyPending(state, anatomy, relationship.id)) return { approve: `${name} holds after patching` };
    return { remove: `${name} was requested, but its components cannot be made to match` };
  }
  if (!holds) return { remove: `${name} no longer holds: the components' configuration does not match it` };
  return relationship.status === "approved" ? {} : { approve: `${name} holds: ${holds.reason}` };
}

/** An alias node only exists to show part of its parent: it goes with its relationship. */
function removeAliasNode(state: DesignState, anatomy: Anatomy): void {
  if (anatomy.policy !== "alias") return;
  for (const id of anatomy.fromIds) {
    if (state.components.get(id)?.metadata.isAnnotation) {
      state.removeComponent(id, `its ${anatomy.className} relationship was removed`);
    }
  }
}

function allPresent(state: DesignState, anatomy: Anatomy): boolean {
  for (const ids of [anatomy.fromIds, anatomy.toIds, anatomy.bindingIds])
    for (const id of ids) if (!state.components.has(id)) return false;
  return true;
}
