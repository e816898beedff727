// Relationship definitions in Meshery's shape (relationships.meshery.io), validated before the engine trusts them.
import { z } from "zod";
import { MATCH_STRATEGY_NAMES } from "./match-strategies";

/** A path into a component, `_` standing for every element of an array. */
const path = z.array(z.string().min(1)).min(1);
const refs = z.array(path).min(1);

const patchSchema = z.looseObject({
  patchStrategy: z.enum(["merge", "strategic", "add", "remove", "copy", "move", "test"]).optional(),
  mutatorRef: refs.optional(),
  mutatedRef: refs.optional(),
});

/** One side of a binding: `self` is the selector's own component, any other kind the binding component. */
const matchItemSchema = z.looseObject({
  id: z.string().nullish(),
  kind: z.string().min(1),
  mutatorRef: refs.optional(),
  mutatedRef: refs.optional(),
});

const selectorItemSchema = z.looseObject({
  id: z.string().nullish(),
  kind: z.string().min(1).default("*"),
  model: z.looseObject({ name: z.string().min(1) }).optional(),
  match: z
    .looseObject({
      refs: z.array(path).optional(),
      from: z.array(matchItemSchema).length(1).optional(),
      to: z.array(matchItemSchema).length(1).optional(),
    })
    .optional(),
  matchStrategyMatrix: z.array(z.array(z.enum(MATCH_STRATEGY_NAMES)).min(1)).optional(),
  patch: patchSchema.nullish(),
});

const selectorSetSchema = z.object({
  allow: z.object({ from: z.array(selectorItemSchema).min(1), to: z.array(selectorItemSchema).min(1) }),
  deny: z
    .object({ from: z.array(selectorItemSchema).default([]), to: z.array(selectorItemSchema).default([]) })
    .default({ from: [], to: [] }),
});

export const relationshipDefinitionSchema = z.looseObject({
  id: z.string().min(1),
  schemaVersion: z.string().min(1),
  version: z.string().min(1),
  kind: z.enum(["hierarchical", "edge", "sibling"]),
  type: z.string().min(1),
  subType: z.string().min(1),
  status: z.string().default("enabled"),
  metadata: z
    .looseObject({ description: z.string().default(""), isAnnotation: z.boolean().default(false) })
    .default({ description: "", isAnnotation: false }),
  model: z.looseObject({ name: z.string().min(1) }),
  selectors: z.array(selectorSetSchema).min(1),
});

export type Path = string[];
export type Patch = z.infer<typeof patchSchema>;
export type MatchItem = z.infer<typeof matchItemSchema>;
export type SelectorItem = z.infer<typeof selectorItemSchema>;
export type SelectorSet = z.infer<typeof selectorSetSchema>;
export type RelationshipDefinition = z.infer<typeof relationshipDefinitionSchema>;

/** `hierarchical-parent-inventory`: the name Meshery's preference layers use for a class of relationships. */
export function relationshipClass(r: { kind: string; type: string; subType: string }): string {
  return `${r.kind}-${r.type}-${r.subType}`;
}
