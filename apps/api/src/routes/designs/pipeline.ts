// What every save goes through: the design schema, then the relationship engine, so stored designs are evaluated.
import {
  builtInRelationshipDefinitions,
  type Design,
  type EvaluationResult,
  evaluateRelationships,
  parseDesign,
} from "@meshplane/design";
import { ApiError } from "../../errors";

/** Meshery's own limit is about a thousand components; ten thousand is generous and still bounded. */
export const MAX_COMPONENTS = 10_000;

export function validDesign(input: unknown): Design {
  const parsed = parseDesign(input);
  if (!parsed.ok) {
    const issues = parsed.issues.slice(0, 10).map((issue) => `${issue.path || "(root)"}: ${issue.message}`);
    throw new ApiError({
      code: "UNPROCESSABLE_ENTITY",
      message: `The design is not valid: ${issues.join("; ")}`,
    });
  }
  if (parsed.design.components.length > MAX_COMPONENTS) {
    throw new ApiError({
      code: "UNPROCESSABLE_ENTITY",
      message: `The design has ${parsed.design.components.length} components; the limit is ${MAX_COMPONENTS}`,
    });
  }
  return parsed.design;
}

let definitions: ReturnType<typeof builtInRelationshipDefinitions> | undefined;

export function evaluated(design: Design): EvaluationResult {
  definitions ??= builtInRelationshipDefinitions();
  return evaluateRelationships(design, definitions);
}
