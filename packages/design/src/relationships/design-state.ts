// The design while it is evaluated: every change goes through here and is recorded as an action and in the trace.
import type { Component, Relationship } from "../format/schema";
import { setValueAt } from "./paths";

export type EvaluationAction =
  | { op: "add_component"; value: { item: Component } }
  | { op: "delete_component"; value: { id: string } }
  | { op: "update_component"; value: { id: string; path: string[]; value: unknown; mode: PatchMode } }
  | {
      op: "update_component_configuration";
      value: { id: string; path: string[]; value: unknown; mode: PatchMode };
    }
  | { op: "add_relationship"; value: { item: Relationship } }
  | { op: "update_relationship"; value: { id: string; path: string[]; value: unknown } }
  | { op: "delete_relationship"; value: { id: string } };

export type PatchMode = "replace" | "merge";

export type TraceChange =
  | "componentAdded"
  | "componentRemoved"
  | "componentUpdated"
  | "relationshipAdded"
  | "relationshipRemoved"
  | "relationshipUpdated";

/** Meshery's trace lists, plus why each change was made, in the order the changes happened. */
export type EvaluationTrace = {
  componentsAdded: Component[];
  componentsRemoved: Component[];
  componentsUpdated: Component[];
  relationshipsAdded: Relationship[];
  relationshipsRemoved: Relationship[];
  relationshipsUpdated: Relationship[];
  reasons: { change: TraceChange; id: string; reason: string }[];
};

const COMPONENT_CHANGES: ReadonlySet<TraceChange> = new Set([
  "componentAdded",
  "componentRemoved",
  "componentUpdated",
]);

export class DesignState {
  readonly components = new Map<string, Component>();
  readonly relationships = new Map<string, Relationship>();
  readonly actions: EvaluationAction[] = [];
  private readonly reasons: EvaluationTrace["reasons"] = [];
  private readonly added: { components: Component[]; relationships: Relationship[] } = {
    components: [],
    relationships: [],
  };
  private readonly removed: { components: Component[]; relationships: Relationship[] } = {
    components: [],
    relationships: [],
  };
  private readonly updatedComponentIds = new Set<string>();
  /** Components this evaluation created or copied, which it may therefore edit. */
  private readonly owned = new Set<string>();
  private changedKinds = new Set<string>();
  private readonly updatedRelationshipIds = new Set<string>();

  constructor(components: readonly Component[], relationships: readonly Relationship[]) {
    for (const component of components)
      if (!this.components.has(component.id)) this.components.set(component.id, component);
    for (const relationship of relationships) this.relationships.set(relationship.id, relationship);
  }

  /** Changes to components alone: relationships are derived from them, so these are what can ripple. */
  componentChangeCount = 0;

  get changeCount(): number {
    return this.actions.length;
  }

  addComponent(component: Component, reason: string): void {
    this.components.set(component.id, component);
    this.owned.add(component.id);
    this.changedKinds.add(component.component.kind);
    this.added.components.push(component);
    this.record({ op: "add_component", value: { item: component } }, "componentAdded", component.id, reason);
  }

  removeComponent(id: string, reason: string): void {
    const component = this.components.get(id);
    if (!component) return;
    this.components.delete(id);
    this.changedKinds.add(component.component.kind);
    this.removed.components.push(component);
    this.record({ op: "delete_component", value: { id } }, "componentRemoved", id, reason);
  }

  /** Writes a value into a component; paths under configuration become configuration updates, as in Meshery. */
  setComponentValue(id: string, path: string[], value: unknown, mode: PatchMode, reason: string): void {
    const original = this.components.get(id);
    if (!original) return;
    // Copy on first write: the caller's design is never touched and untouched components are never copied.
    const component = this.owned.has(id) ? original : structuredClone(original);
    if (!setValueAt(component, path, value)) return;
    this.components.set(id, component);
    this.owned.add(id);
    this.changedKinds.add(component.component.kind);
    this.updatedComponentIds.add(id);
    const action: EvaluationAction =
      path[0] === "configuration"
        ? { op: "update_component_configuration", value: { id, path: path.slice(1), value, mode } }
        : { op: "update_component", value: { id, path, value, mode } };
    this.record(action, "componentUpdated", id, reason);
  }

  addRelationship(relationship: Relationship, reason: string): void {
    this.relationships.set(relationship.id, relationship);
    this.added.relationships.push(relationship);
    this.record(
      { op: "add_relationship", value: { item: relationship } },
      "relationshipAdded",
      relationship.id,
      reason,
    );
  }

  removeRelationship(id: string, reason: string): void {
    const relationship = this.relationships.get(id);
    if (!relationship) return;
    this.relationships.delete(id);
    this.removed.relationships.push(relationship);
    this.record({ op: "delete_relationship", value: { id } }, "relationshipRemoved", id, reason);
  }

  setRelationshipStatus(id: string, status: string, reason: string): void {
    const relationship = this.relationships.get(id);
    if (!relationship) return;
    // Replaced, not mutated: what was read of the old declaration stays true of it.
    this.relationships.set(id, { ...relationship, status });
    this.updatedRelationshipIds.add(id);
    const action: EvaluationAction = {
      op: "update_relationship",
      value: { id, path: ["status"], value: status },
    };
    this.record(action, "relationshipUpdated", id, reason);
  }

  trace(): EvaluationTrace {
    const present = <T>(ids: Set<string>, from: Map<string, T>) =>
      [...ids].flatMap((id) => (from.has(id) ? [from.get(id) as T] : []));
    return {
      componentsAdded: this.added.components,
      componentsRemoved: this.removed.components,
      componentsUpdated: present(this.updatedComponentIds, this.components),
      relationshipsAdded: this.added.relationships,
      relationshipsRemoved: this.removed.relationships,
      relationshipsUpdated: present(this.updatedRelationshipIds, this.relationships),
      reasons: this.reasons,
    };
  }

  /** The kinds of the components changed since the last call. */
  takeChangedKinds(): Set<string> {
    const kinds = this.changedKinds;
    this.changedKinds = new Set();
    return kinds;
  }

  private record(action: EvaluationAction, change: TraceChange, id: string, reason: string): void {
    if (COMPONENT_CHANGES.has(change)) this.componentChangeCount += 1;
    this.actions.push(action);
    this.reasons.push({ change, id, reason });
  }
}
