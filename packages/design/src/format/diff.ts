// Differences between two revisions of a design: components and relationships added, removed or changed, field by field.
import type { Component, Design, Relationship } from "./schema";

export type FieldChange = { path: string; before?: unknown; after?: unknown };
export type ComponentChange = { id: string; kind: string; name: string; fields: FieldChange[] };
export type ComponentRef = { id: string; kind: string; name: string };
export type RelationshipRef = { id: string; kind: string; type: string; subType: string };

export type DesignDiff = {
  name?: { before: string; after: string };
  components: { added: ComponentRef[]; removed: ComponentRef[]; changed: ComponentChange[] };
  relationships: { added: RelationshipRef[]; removed: RelationshipRef[]; changed: RelationshipRef[] };
  unchanged: boolean;
};

/** Caps the reported field changes per component: a rewritten component does not flood the page. */
const MAX_FIELD_CHANGES = 200;

function componentRef(component: Component): ComponentRef {
  return { id: component.id, kind: component.component.kind, name: component.displayName };
}

function relationshipRef(relationship: Relationship): RelationshipRef {
  const { id, kind, type, subType } = relationship;
  return { id, kind, type, subType };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Leaf-level differences, paths in dot notation with [index] for arrays. */
export function diffValues(
  before: unknown,
  after: unknown,
  path = "",
  out: FieldChange[] = [],
): FieldChange[] {
  if (out.length >= MAX_FIELD_CHANGES) return out;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) diffValues(before[key], after[key], path ? `${path}.${key}` : key, out);
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      diffValues(before[i], after[i], `${path}[${i}]`, out);
    return out;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    out.push({
      path,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    });
  }
  return out;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

const byName = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function diffDesigns(before: Design, after: Design): DesignDiff {
  const oldComponents = byId(before.components);
  const newComponents = byId(after.components);
  const changed: ComponentChange[] = [];
  for (const [id, next] of newComponents) {
    const previous = oldComponents.get(id);
    if (!previous) continue;
    const fields = diffValues(
      {
        displayName: previous.displayName,
        configuration: previous.configuration,
        kind: previous.component.kind,
      },
      { displayName: next.displayName, configuration: next.configuration, kind: next.component.kind },
    );
    if (fields.length > 0) changed.push({ ...componentRef(next), fields });
  }
  const oldRelationships = byId(before.relationships);
  const newRelationships = byId(after.relationships);
  const relationshipsChanged = [...newRelationships.values()].filter((next) => {
    const previous = oldRelationships.get(next.id);
    return previous && JSON.stringify(previous) !== JSON.stringify(next);
  });
  const diff: DesignDiff = {
    ...(before.name === after.name ? {} : { name: { before: before.name, after: after.name } }),
    components: {
      added: after.components
        .filter((c) => !oldComponents.has(c.id))
        .map(componentRef)
        .sort(byName),
      removed: before.components
        .filter((c) => !newComponents.has(c.id))
        .map(componentRef)
        .sort(byName),
      changed: changed.sort(byName),
    },
    relationships: {
      added: after.relationships
        .filter((r) => !oldRelationships.has(r.id))
        .map(relationshipRef)
        .sort(byName),
      removed: before.relationships
        .filter((r) => !newRelationships.has(r.id))
        .map(relationshipRef)
        .sort(byName),
      changed: relationshipsChanged.map(relationshipRef).sort(byName),
    },
    unchanged: false,
  };
  diff.unchanged =
    !diff.name &&
    [diff.components, diff.relationships].every(
      (part) => part.added.length + part.removed.length + part.changed.length === 0,
    );
  return diff;
}
