// Relationships that group by structure rather than pair by value: alias nodes and label siblings.
import type { Component } from "../format/schema";
import { describe, type IdentifyContext, propose } from "./candidates";
import { admits } from "./component-index";
import { uuidFromSeed } from "./content-hash";
import { type RelationshipDefinition, relationshipClass, type SelectorItem } from "./definition";
import { instanceItem, relationshipInstance, siblingDiscriminator } from "./instances";
import { concretePaths, valueAt, valuesAt } from "./paths";

/** Each element of the parent's array (a container) becomes an alias node pointing at that element. */
export function identifyAliases(definition: RelationshipDefinition, context: IdentifyContext): void {
  for (const set of definition.selectors) {
    for (const alias of set.allow.from) {
      for (const parentItem of set.allow.to) {
        const ref = parentItem.patch?.mutatedRef?.[0];
        if (!ref || alias.kind === "*") continue;
        for (const parent of context.index.candidates(parentItem)) {
          for (const path of concretePaths(parent, ref)) {
            proposeAlias(definition, alias, parentItem, parent, path, context);
          }
        }
      }
    }
  }
}

function proposeAlias(
  definition: RelationshipDefinition,
  aliasItem: SelectorItem,
  parentItem: SelectorItem,
  parent: Component,
  path: string[],
  context: IdentifyContext,
): void {
  const aliasId = uuidFromSeed(["alias", parent.id, ...path].join("|"));
  const existing = context.index.byId.get(aliasId);
  const displayName = existing?.displayName ?? aliasName(parent, path);
  let created: Component | undefined;
  const create = () => {
    created ??= context.createComponent({
      id: aliasId,
      kind: aliasItem.kind,
      model: aliasItem.model?.name ?? parent.model.name,
      displayName,
      isAnnotation: true,
    });
    return created;
  };
  const patch = { patchStrategy: "copy" as const, mutatorRef: [path], mutatedRef: [path] };
  const identity = {
    className: relationshipClass(definition),
    fromIds: [aliasId],
    toIds: [parent.id],
    bindingIds: [],
  };
  propose(context, identity, {
    build: (key) =>
      relationshipInstance(
        definition,
        [instanceItem((existing ?? create()) as Component, { ...aliasItem, patch })],
        [instanceItem(parent, { ...parentItem, patch })],
        key,
        identity,
      ),
    reason: () =>
      `${describe(parent)} holds ${path.slice(1).join(".")}, shown as ${aliasItem.kind} ${displayName}`,
    ...(existing ? {} : { creates: create }),
  });
}

// Array elements of Kubernetes objects are usually named (containers, ports); the index is the fallback.
function aliasName(parent: Component, path: string[]): string {
  const name = (valueAt(parent, path) as { name?: unknown } | undefined)?.name;
  return typeof name === "string" && name !== "" ? name : path.slice(-2).join(".");
}

/** Components that carry the same value under the same key at the definition's refs form one group. */
export function identifySiblings(definition: RelationshipDefinition, context: IdentifyContext): void {
  for (const set of definition.selectors) {
    for (const from of set.allow.from) {
      for (const to of set.allow.to) {
        const ref = from.match?.refs?.[0];
        if (ref) proposeGroups(definition, from, to, ref, context);
      }
    }
  }
}

function proposeGroups(
  definition: RelationshipDefinition,
  from: SelectorItem,
  to: SelectorItem,
  ref: string[],
  context: IdentifyContext,
): void {
  const groups = new Map<string, { name: string; value: string; members: Component[] }>();
  for (const component of context.index.candidates(from)) {
    if (!admits(to, component)) continue;
    for (const map of valuesAt(component, ref)) {
      if (typeof map !== "object" || map === null || Array.isArray(map)) continue;
      for (const [name, value] of Object.entries(map)) {
        if (typeof value !== "string") continue;
        const key = JSON.stringify([name, value]);
        const group = groups.get(key);
        if (group) group.members.push(component);
        else groups.set(key, { name, value, members: [component] });
      }
    }
  }
  for (const key of [...groups.keys()].sort()) {
    const { name, value, members } = groups.get(key) as { name: string; value: string; members: Component[] };
    if (members.length < 2) continue;
    const patch = { mutatorRef: [[...ref, name]], mutatedRef: [[...ref, name]] };
    const ids = members.map((member) => member.id);
    const identity = {
      className: relationshipClass(definition),
      fromIds: ids,
      toIds: ids,
      bindingIds: [],
      discriminator: siblingDiscriminator(patch.mutatorRef),
    };
    propose(context, identity, {
      build: (key) => {
        const items = members.map((member) => instanceItem(member, { ...from, patch }));
        return relationshipInstance(definition, items, items, key, identity);
      },
      reason: () =>
        `${members.length} components share the label ${name}=${value}: ${members.map(describe).join(", ")}`,
    });
  }
}
