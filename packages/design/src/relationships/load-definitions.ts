// Loading relationship definitions: the schema first, then whether the engine can evaluate what they say.
import { type RelationshipDefinition, relationshipDefinitionSchema, type SelectorSet } from "./definition";
import { bindingOf } from "./identify-binding";
import { orient } from "./identify-pairwise";
import { WILDCARD } from "./paths";
import { policyOf } from "./policy";

export type DefinitionIssue = { source: string; path: string; message: string };
export type DefinitionsResult =
  | { ok: true; definitions: RelationshipDefinition[] }
  | { ok: false; issues: DefinitionIssue[] };

/** Validates every input; `sources` name them in issues (file names), defaulting to their position. */
export function parseRelationshipDefinitions(
  inputs: readonly unknown[],
  sources: readonly string[] = [],
): DefinitionsResult {
  const issues: DefinitionIssue[] = [];
  const definitions: RelationshipDefinition[] = [];
  const ids = new Map<string, string>();
  for (const [i, input] of inputs.entries()) {
    const source = sources[i] ?? `#${i}`;
    const parsed = relationshipDefinitionSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ source, path: issue.path.map(String).join("."), message: issue.message });
      }
      continue;
    }
    const definition = parsed.data;
    const clash = ids.get(definition.id);
    if (clash !== undefined)
      issues.push({ source, path: "id", message: `${definition.id} is also the id of ${clash}` });
    ids.set(definition.id, source);
    for (const [s, set] of definition.selectors.entries()) {
      for (const message of evaluability(definition, set))
        issues.push({ source, path: `selectors.${s}`, message });
    }
    definitions.push(definition);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definitions: definitions.map(deepFreeze) };
}

// Evaluated relationships share parts of their definitions; frozen, a careless edit throws instead of
// silently changing every later evaluation.
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

// Definitions the engine would silently skip are refused instead (Meshery fails silently on swapped refs).
function evaluability(definition: RelationshipDefinition, set: SelectorSet): string[] {
  const problems: string[] = [];
  const pairs = set.allow.from.flatMap((from) => set.allow.to.map((to) => [from, to] as const));
  for (const [from, to] of pairs) {
    const between = `${from.kind} → ${to.kind}`;
    switch (policyOf(definition)) {
      case "pairwise":
        if (!orient(from, to)) {
          problems.push(
            `${between}: one side needs patch.mutatorRef, the other as many patch.mutatedRef paths`,
          );
        }
        break;
      case "binding": {
        const [a, b] = [bindingOf(from), bindingOf(to)];
        if (!a || !b)
          problems.push(`${between}: each side needs match.from/to with one "self" item and matching refs`);
        else if (a.kind !== b.kind) problems.push(`${between}: both sides must match the same binding kind`);
        break;
      }
      case "alias":
        if (from.kind === "*" || to.patch?.mutatedRef?.[0]?.at(-1) !== WILDCARD) {
          problems.push(
            `${between}: an alias needs a concrete kind and a parent path ending in "${WILDCARD}"`,
          );
        }
        break;
      case "sibling":
        if (!from.match?.refs?.[0]) problems.push(`${between}: siblings need match.refs`);
        break;
    }
  }
  return problems;
}
