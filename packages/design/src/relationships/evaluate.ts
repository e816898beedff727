// evaluateRelationships: a design and relationship definitions in, Meshery's evaluation response out, deterministically.
import type { Component, Design, Relationship } from "../format/schema";
import { type ComponentFactory, createBuiltInComponent } from "./component-factory";
import { contentHash } from "./content-hash";
import { type RelationshipDefinition, relationshipClass } from "./definition";
import { DesignState, type EvaluationAction, type EvaluationTrace } from "./design-state";
import { runEvaluationPass } from "./evaluation-pass";
import { anatomyOf, patchRefs } from "./instances";

export type EvaluationOptions = {
  /** Rounds before giving up on a stable design; Meshery's evaluator stops at a similar depth. */
  maxIterations?: number;
  /** Builds the components the engine adds (missing Namespaces, alias nodes); defaults to the built-in kinds. */
  createComponent?: ComponentFactory;
};

export type EvaluationResult = {
  design: Design;
  actions: EvaluationAction[];
  trace: EvaluationTrace;
  /** Content hash of the evaluated design: equal designs hash equal, whatever order their parts came in. */
  hash: string;
  iterations: number;
  converged: boolean;
};

export const DEFAULT_MAX_ITERATIONS = 5;

/**
 * Validates the design's relationships, identifies the missing ones and applies their side effects
 * (missing Namespaces, alias nodes, requested patches), round after round until nothing changes.
 * The input is never edited: components are copied on write and the rest is rebuilt, so the result
 * shares unchanged components (and definition parts, frozen) with its inputs.
 */
export function evaluateRelationships(
  design: Design,
  definitions: readonly RelationshipDefinition[],
  options: EvaluationOptions = {},
): EvaluationResult {
  const inScope = definitionsInScope(design, definitions);
  const context = {
    definitions: inScope,
    memo: new Map(),
    evaluatedClasses: new Set(inScope.map(relationshipClass)),
    createComponent: options.createComponent ?? createBuiltInComponent,
  };
  // Sorted before anything is read, so the order of the input never shows in the output.
  const state = new DesignState(
    sortedComponents(design.components),
    sortedRelationships(design.relationships),
  );
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  let iterations = 0;
  let converged = false;
  let changedKinds: ReadonlySet<string> | undefined;
  while (iterations < maxIterations && !converged) {
    iterations += 1;
    converged = runEvaluationPass(state, context, changedKinds).stable;
    changedKinds = state.takeChangedKinds();
  }
  const output: Design = {
    ...design,
    version: state.changeCount > 0 ? nextVersion(design.version) : design.version,
    components: sortedComponents([...state.components.values()]),
    relationships: sortedRelationships([...state.relationships.values()]),
  };
  const metadata = withResolvedAliases(design.metadata, output.relationships);
  if (metadata) output.metadata = metadata;
  return {
    design: output,
    actions: state.actions,
    trace: state.trace(),
    hash: contentHash(output),
    iterations,
    converged,
  };
}

/** Meshery evaluates only the relationships of models the design uses, minus the layers its preferences switch off. */
function definitionsInScope(design: Design, definitions: readonly RelationshipDefinition[]) {
  const models = new Set(design.components.map((c) => c.model.name));
  const layers = (design.preferences?.layers as { relationships?: Record<string, unknown> } | undefined)
    ?.relationships;
  return definitions
    .filter((d) => d.status === "enabled" && (d.model.name === "*" || models.has(d.model.name)))
    .filter((d) => layers?.[relationshipClass(d)] !== false)
    .sort((a, b) => compare(a.id, b.id));
}

function withResolvedAliases(metadata: Design["metadata"], relationships: readonly Relationship[]) {
  const resolved: Record<string, unknown> = {};
  for (const relationship of relationships) {
    const anatomy = anatomyOf(relationship);
    if (anatomy.policy !== "alias") continue;
    const [aliasId, parentId] = [anatomy.fromIds[0], anatomy.toIds[0]];
    const path = patchRefs(anatomy.from[0], "mutatorRef")[0];
    if (!aliasId || !parentId || !path) continue;
    resolved[aliasId] = {
      relationshipId: relationship.id,
      aliasComponentId: aliasId,
      immediateParentId: parentId,
      immediateRefFieldPath: path,
      resolvedParentId: parentId,
      resolvedRefFieldPath: path,
    };
  }
  if (Object.keys(resolved).length === 0 && metadata?.resolvedAliases === undefined) return metadata;
  const sorted = Object.fromEntries(
    Object.keys(resolved)
      .sort()
      .map((id) => [id, resolved[id]]),
  );
  return { ...metadata, resolvedAliases: sorted };
}

function nextVersion(version: string): string {
  const parts = /^(v?)(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!parts) return version;
  const [, prefix, major, minor, patch] = parts;
  return `${prefix}${major}.${minor}.${Number(patch) + 1}`;
}

// Equal keys are often the same string (one class name per definition), which === settles at once.
function compare(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function namespaceOf(component: Component): string {
  const namespace = (component.configuration.metadata as { namespace?: unknown } | undefined)?.namespace;
  return typeof namespace === "string" ? namespace : "";
}

// Sort keys are computed once per element, not once per comparison, and held in fields rather than an
// array: the comparator runs n log n times.
type Keyed<T> = { item: T; a: string; b: string; c: string; d: string };

function sortedBy<T>(items: readonly T[], keysOf: (item: T) => Keyed<T>): T[] {
  const keyed = items.map(keysOf);
  keyed.sort((x, y) => compare(x.a, y.a) || compare(x.b, y.b) || compare(x.c, y.c) || compare(x.d, y.d));
  return keyed.map(({ item }) => item);
}

function sortedComponents(components: readonly Component[]): Component[] {
  return sortedBy(components, (item) => ({
    item,
    a: item.component.kind,
    b: namespaceOf(item),
    c: item.displayName,
    d: item.id,
  }));
}

function sortedRelationships(relationships: readonly Relationship[]): Relationship[] {
  return sortedBy(relationships, (item) => ({
    item,
    a: anatomyOf(item).className,
    b: item.id,
    c: "",
    d: "",
  }));
}
