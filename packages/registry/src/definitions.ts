// The normalized shapes the registry stores: a model with its component and relationship definitions.

export type JsonSchema = Record<string, unknown>;

export type ModelStatus = "enabled" | "ignored" | "duplicate";
export type RelationshipStatus = "enabled" | "ignored" | "deleted";

/** A model as the `models` table keeps it; Meshery fields without a column go to `metadata`. */
export type ModelDefinition = {
  name: string;
  version: string;
  displayName: string;
  category: string;
  subCategory: string;
  status: ModelStatus;
  metadata: Record<string, unknown>;
};

/** One kind at one apiVersion; `metadata` keeps group, plural, isNamespaced and Meshery's extras. */
export type ComponentDefinition = {
  kind: string;
  apiVersion: string;
  displayName: string;
  schema: JsonSchema;
  metadata: Record<string, unknown>;
};

export type RelationshipDefinition = {
  kind: string;
  type: string;
  subType: string;
  status: RelationshipStatus;
  selectors: unknown[];
  metadata: Record<string, unknown>;
};

/** Everything one model brings, ready for `upsertModel`. */
export type ModelBundle = {
  model: ModelDefinition;
  components: ComponentDefinition[];
  relationships: RelationshipDefinition[];
};

/** Input the registry refuses: a malformed CRD, archive or model file. `file` names the culprit when known. */
export class RegistryInputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(file ? `${file}: ${message}` : message);
    this.name = "RegistryInputError";
  }
}

/** "Deployment" → "Deployment", "HorizontalPodAutoscaler" → "Horizontal Pod Autoscaler", as Meshery shows kinds. */
export function displayNameOfKind(kind: string): string {
  return kind.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
}
