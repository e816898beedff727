// Which evaluation policy a relationship class follows, after Meshery's policy registry (server/policies).

/**
 * - pairwise: one component's mutator values match another's mutated values (edges, inventory parents).
 * - binding: from and to each match a third, binding component (RoleBinding, NetworkPolicy).
 * - alias: every element of a parent's array becomes a child component that points into it.
 * - sibling: components sharing a value at the definition's refs form a group.
 */
export type PolicyName = "pairwise" | "binding" | "alias" | "sibling";

export type RelationshipClass = { kind: string; type: string; subType: string };

export function policyOf(r: RelationshipClass): PolicyName {
  if (r.type === "parent" && r.subType === "alias") return "alias";
  if (r.type === "sibling") return "sibling";
  if (r.type === "binding") return "binding";
  return "pairwise";
}

/** Inventory parents (a Namespace) are created when a child names one the design lacks, as Meshery does. */
export function addsMissingParents(r: RelationshipClass): boolean {
  return r.kind === "hierarchical" && r.type === "parent" && r.subType === "inventory";
}
