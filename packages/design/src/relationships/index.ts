// The relationship engine's public surface: definitions, their loader and evaluateRelationships.
export { builtInRelationshipDefinitions } from "./built-in-definitions";
export {
  type ComponentFactory,
  type ComponentRequest,
  createBuiltInComponent,
  mesheryCoreModel,
  mesheryCoreModelReference,
} from "./component-factory";
export { contentHash, hash128, uuidFromSeed } from "./content-hash";
export {
  type RelationshipDefinition,
  relationshipClass,
  relationshipDefinitionSchema,
  type SelectorItem,
  type SelectorSet,
} from "./definition";
export type { EvaluationAction, EvaluationTrace, PatchMode, TraceChange } from "./design-state";
export {
  DEFAULT_MAX_ITERATIONS,
  type EvaluationOptions,
  type EvaluationResult,
  evaluateRelationships,
} from "./evaluate";
export {
  type DefinitionIssue,
  type DefinitionsResult,
  parseRelationshipDefinitions,
} from "./load-definitions";
export { MATCH_STRATEGY_NAMES, type MatchStrategyName } from "./match-strategies";
